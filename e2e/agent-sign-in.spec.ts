import { AGENT, captureTokens, expect, test } from './fixtures';

test('an agent signs in, sees who is signed in, and no token reaches browser storage or the URL', async ({
  page,
  context,
  expectAccessible,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Agent sign-in' })).toBeVisible();
  await expectAccessible('sign-in');

  const issued = captureTokens(page, '/agent-access-tokens');
  await page.getByLabel('Username').fill(AGENT.username);
  await page.getByLabel('Password').fill(AGENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const { accessToken, refreshToken } = await issued;

  await expect(page.getByText(`Signed in as ${AGENT.username}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expectAccessible('home');

  const stored = await page.evaluate(async () => {
    const databases = await indexedDB.databases();
    return {
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
      url: location.href,
      indexedDb: databases.map((d) => d.name).join(','),
    };
  });
  const cookies = JSON.stringify(await context.cookies());
  for (const token of [accessToken, refreshToken]) {
    for (const [where, text] of Object.entries({ ...stored, cookies })) {
      expect(text, `token found in ${where}`).not.toContain(token);
    }
  }
  expect(stored.local).toBe('{}');
  expect(stored.session).toBe('{}');
  expect(stored.indexedDb).toBe('');
});

test('a wrong password reads as such, and the agent can try again', async ({
  page,
  expectAccessible,
}) => {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(AGENT.username);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('paragraph').first()).toHaveText(
    'Wrong username or password, or this user is not an agent.',
  );
  await expect(page.getByLabel('Password')).toBeFocused();
  await expect(page.getByLabel('Password')).toHaveValue('');
  // Glue's own words stay one click away, word for word.
  await alert.getByText('What Glue said').click();
  await expect(alert.getByText('Failed to authenticate an agent.')).toBeVisible();
  await expect(alert).toContainText('POST /agent-access-tokens · HTTP 401 · 4101');
  await expectAccessible('sign-in with an error');

  await page.getByLabel('Password').fill(AGENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${AGENT.username}`)).toBeVisible();
});

test('empty fields are named before anything is sent', async ({ page }) => {
  let sent = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/agent-access-tokens')) sent += 1;
  });
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your username.')).toBeVisible();
  await expect(page.getByLabel('Username')).toBeFocused();
  await page.getByLabel('Username').fill(AGENT.username);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your password.')).toBeVisible();
  expect(sent).toBe(0);
});

test.describe('lockout', () => {
  test.use({ glueConfig: { lockoutAttempts: 3, lockoutBlockSeconds: 360 } });

  test('after too many failures the agent is told how long to wait, even with the right password', async ({
    page,
    expectAccessible,
  }) => {
    await page.goto('/sign-in');
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await page.getByLabel('Username').fill(AGENT.username);
      await page.getByLabel('Password').fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toHaveText(/Wrong username or password/);
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    }
    await page.getByLabel('Password').fill(AGENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').getByRole('paragraph').first()).toHaveText(
      'Too many failed sign-ins for this username. Try again in 6 minutes.',
    );
    await expectAccessible('sign-in while locked out');
  });
});

test('signing out revokes the refresh token and forgets the session', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  const { refreshToken } = await signInAsAgent();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('status')).toHaveText('You have signed out.');
  await expectAccessible('signed out');

  const refused = await fetch(`${glue.url}/refresh-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.api+json' },
    body: JSON.stringify({ data: { type: 'refresh-tokens', attributes: { refreshToken } } }),
  });
  expect(refused.status).toBe(401);
  expect(await refused.json()).toEqual({
    errors: [{ code: '004', status: 401, detail: 'Failed to refresh token.' }],
  });

  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('when Glue cannot be reached the message names the URL it tried', async ({ page, glue }) => {
  await page.goto('/sign-in');
  await glue.close();
  await page.getByLabel('Username').fill(AGENT.username);
  await page.getByLabel('Password').fill(AGENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(
    `Glue could not be reached at ${glue.url}/agent-access-tokens.`,
  );
});

test.describe('token refresh', () => {
  test.use({ glueConfig: { accessTokenTtl: 4 } });

  test('the access token is renewed before it expires', async ({ page, signInAsAgent }) => {
    await signInAsAgent();
    const renewed = await page.waitForResponse((r) => r.url().endsWith('/refresh-tokens'));
    expect(renewed.status()).toBe(201);
    await expect(page.getByText(`Signed in as ${AGENT.username}`)).toBeVisible();
  });

  test('when the session cannot be renewed the agent is signed out and told why', async ({
    page,
    glue,
    signInAsAgent,
  }) => {
    const { accessToken } = await signInAsAgent();
    // Revoke every refresh token of the agent behind the console's back.
    const revoked = await fetch(`${glue.url}/refresh-tokens/mine`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(revoked.status).toBe(204);
    await expect(page).toHaveURL(/\/sign-in$/, { timeout: 10_000 });
    const status = page.getByRole('status');
    await expect(status.getByRole('paragraph').first()).toHaveText(
      'Your session ended: Glue refused to renew it.',
    );
    await status.getByText('What Glue said').click();
    await expect(status.getByText('Failed to refresh token.')).toBeVisible();
  });
});

test('an unknown address shows a page that leads back', async ({ page, expectAccessible }) => {
  await page.goto('/no/such/screen');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectAccessible('not found');
});
