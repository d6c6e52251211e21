import {
  AGENT,
  actAs,
  expect,
  expectAccessibleOn,
  giveReason,
  signInAs,
  test,
  watchGlueRequests,
} from './fixtures';
import { DE, expectOnly, say, switchLanguage } from './languages';

interface TrailSession {
  id: string;
  attributes: {
    reason: string | null;
    events: { event: string; sessionId?: string }[];
    alongside: { sessionId: string }[];
  };
}

test('two agents on Sonia: the second learns who has been acting as her since when, before starting, and going on is recorded for both', async ({
  page,
  browser,
  baseURL,
  glue,
  signInAsAgent,
}) => {
  test.slow(); // Two browsers, axe in two languages.
  const { accessToken } = await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner', 'TICKET-1 first', 'view');

  // A second browser, as a colleague would have it.
  const second = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'UTC' });
  const colleague = await second.newPage();
  await signInAs(colleague);
  const requests = watchGlueRequests<'search' | 'asked' | 'cancelled' | 'went on'>(
    colleague,
    glue.url,
  );
  requests.begin('search');
  await colleague.getByRole('combobox', { name: 'Find a customer' }).fill('sonia');
  await colleague.getByRole('option', { name: /Sonia Wagner/ }).click();
  await requests.settle();
  requests.begin('asked');
  await giveReason(colleague, 'Sonia Wagner', 'TICKET-2 second');
  const question = colleague.getByRole('dialog', {
    name: 'Someone is acting as Sonia Wagner right now',
  });
  await expect(question).toContainText(`You (${AGENT.username}), in another tab or window, since`);
  await expect(question).toContainText('reason “TICKET-1 first”');
  await expectAccessibleOn(colleague, 'colleague question');
  await requests.settle();
  expect(requests.sent('asked').map((r) => r.line)).toEqual([
    'GET /agent-impersonation-sessions?customerReference=DE--21&open=true&page[limit]=100',
  ]);

  // Escape: no session starts.
  requests.begin('cancelled');
  await colleague.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await requests.settle();
  expect(requests.sent('cancelled')).toEqual([]);
  await expect(colleague.getByRole('region', { name: 'Customer session' })).toHaveCount(0);

  // In German the same question, in German; going on starts the session.
  await switchLanguage(colleague, 'de');
  requests.begin('went on');
  await colleague
    .getByRole('form', { name: say(DE, 'impersonation.actAs', { name: 'Sonia Wagner' }) })
    .getByRole('button', { name: say(DE, 'impersonation.actAs', { name: 'Sonia Wagner' }) })
    .click();
  const frage = colleague.getByRole('dialog', {
    name: say(DE, 'colleagues.title', { name: 'Sonia Wagner' }),
  });
  await expect(frage).toContainText(`Sie (${AGENT.username}), in einem anderen Tab oder Fenster`);
  await expectAccessibleOn(colleague, 'colleague question, German');
  await expectOnly(colleague, 'de', 'colleague question', [
    'TICKET-1 first',
    'TICKET-2 second',
    'Sonia Wagner',
    AGENT.username,
  ]);
  // Going on is the question's default: Enter.
  await expect(
    frage.getByRole('button', { name: say(DE, 'colleagues.goOn', { name: 'Sonia Wagner' }) }),
  ).toBeFocused();
  await colleague.keyboard.press('Enter');
  await expect(
    colleague.getByRole('region', { name: say(DE, 'impersonation.banner.label') }),
  ).toContainText('Sonia Wagner');
  await requests.settle();
  expect(
    requests
      .sent('went on')
      .map((r) => r.line)
      .slice(0, 2),
  ).toEqual([
    'GET /agent-impersonation-sessions?customerReference=DE--21&open=true&page[limit]=100',
    'POST /agent-customer-impersonation-access-tokens',
  ]);
  await switchLanguage(colleague, 'en');

  // The stand-in's trail holds it on both sides: the second ran alongside the first, which was joined.
  const trail = (await (
    await fetch(`${glue.url}/agent-impersonation-sessions?customerReference=DE--21`, {
      headers: { 'X-Agent-Authorization': `Bearer ${accessToken}` },
    })
  ).json()) as { data: TrailSession[] };
  const [newer, older] = trail.data;
  expect(newer!.attributes.reason).toBe('TICKET-2 second');
  expect(newer!.attributes.alongside.map((s) => s.sessionId)).toEqual([older!.id]);
  expect(older!.attributes.events).toEqual([
    expect.objectContaining({ event: 'joined-by', sessionId: newer!.id }),
  ]);
  // The first agent's profile tab shows both sides of it in the assisted sessions.
  await page.keyboard.press('p');
  const assisted = page.getByRole('region', { name: 'Assisted sessions' });
  await assisted.getByRole('button', { name: 'Show assisted sessions' }).click();
  await assisted.getByText(/TICKET-2 second/).click();
  await expect(assisted).toContainText(`Started while ${AGENT.username} acted as this customer.`);
  await assisted.getByText(/TICKET-1 first/).click();
  await expect(assisted).toContainText(`${AGENT.username} started acting as this customer too`);
  await second.close();
});
