import { REASON, actAs, expect, test, watchGlueRequests } from './fixtures';
import { DE, EN, expectOnly, say, switchLanguage } from './languages';

const SONIA = { name: 'Sonia Wagner', email: 'sonia@acme.com' };

/** The stand-in's outbox (README, not a Spryker endpoint), read with the agent's token. */
async function outbox(glueUrl: string, agentToken: string) {
  const response = await fetch(`${glueUrl}/agent-outbox-mails?to=${SONIA.email}`, {
    headers: { Authorization: `Bearer ${agentToken}` },
  });
  const document = (await response.json()) as {
    data: { attributes: { to: string; subject: string; restorePasswordLink: string } }[];
  };
  return document.data.map((mail) => mail.attributes);
}

test('“I can’t sign in”: the agent sends Sonia a password reset e-mail, and the shop’s outbox holds it', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  const { accessToken } = await signInAsAgent();
  await actAs(page, 'sonia', SONIA.name);
  const requests = watchGlueRequests<'profile' | 'cancel' | 'send'>(page, glue.url);
  requests.begin('profile');
  await page
    .getByRole('navigation', { name: 'Customer' })
    .getByRole('link', { name: 'Profile' })
    .click();
  const send = page.getByRole('button', { name: say(EN, 'passwordReset.send') });

  await requests.settle();

  // Asked first, naming the address; cancelling sends nothing and gives the focus back.
  requests.begin('cancel');
  await send.click();
  const dialog = page.getByRole('dialog', {
    name: say(EN, 'passwordReset.confirm.title', { name: SONIA.name }),
  });
  await expect(dialog).toContainText(SONIA.email);
  await expectAccessible('profile: confirm the password reset');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(send).toBeFocused();
  await requests.settle();
  expect(requests.sent('cancel')).toEqual([]);

  requests.begin('send');
  await send.click();
  await dialog.getByRole('button', { name: say(EN, 'passwordReset.confirm.send') }).click();
  await expect(page.getByText(say(EN, 'passwordReset.sent', { email: SONIA.email }))).toHaveRole(
    'status',
  );
  await requests.settle();
  expect(requests.sent('send')).toEqual([
    {
      line: 'POST /customer-forgotten-password',
      path: '/customer-forgotten-password',
      body: {
        data: { type: 'customer-forgotten-password', attributes: { email: SONIA.email } },
      },
    },
  ]);

  // The mail the shop would send: one, to her, with a restore link (the stand-in keeps it).
  const mails = await outbox(glue.url, accessToken);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.to).toBe(SONIA.email);
  expect(mails[0]!.restorePasswordLink).toMatch(/\/password\/restore\?token=\w+/);

  await switchLanguage(page, 'de');
  await page.getByRole('button', { name: say(DE, 'passwordReset.send') }).click();
  await expect(
    page.getByRole('dialog', {
      name: say(DE, 'passwordReset.confirm.title', { name: SONIA.name }),
    }),
  ).toBeVisible();
  await expectOnly(page, 'de', 'profile: confirm the password reset', [
    REASON,
    `Ms ${SONIA.name}`,
    SONIA.name,
  ]);
  await expectAccessible('profile: confirm the password reset, German');
  await page.keyboard.press('Escape');

  // The activity log names the address, never a password.
  await switchLanguage(page, 'en');
  await expect(page.getByRole('list', { name: 'Changes in this session' })).toContainText(
    `${say(EN, 'activity.entry.sendPasswordReset', { address: SONIA.email })} — done`,
  );
});
