import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GlueError, GlueUnreachableError, SessionEndedError } from './glue-errors';
import { TokenSlot, type TokenPair } from './token-slot';
import { message } from '../i18n/translate';

/** A refresh that hands out numbered pairs and counts its calls; `fail` makes the next one fail. */
function fakeGlueRefresh(expiresIn = 100) {
  const calls: string[] = [];
  let issued = 0;
  let fail: Error | null = null;
  const refresh = vi.fn(async (refreshToken: string): Promise<TokenPair> => {
    calls.push(refreshToken);
    await Promise.resolve();
    if (fail) {
      const error = fail;
      fail = null;
      throw error;
    }
    issued += 1;
    return { accessToken: `access-${issued}`, refreshToken: `refresh-${issued}`, expiresIn };
  });
  return { refresh, calls, failNextWith: (error: Error) => (fail = error) };
}

const first: TokenPair = { accessToken: 'access-0', refreshToken: 'refresh-0', expiresIn: 100 };

const REFRESH_LIFETIME_MS = 1_000_000;

describe('TokenSlot', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('hands out the access token as is while it is far from expiry', async () => {
    const glue = fakeGlueRefresh();
    const slot = new TokenSlot('agent', glue.refresh, REFRESH_LIFETIME_MS);
    slot.start(first, { username: 'agent' });
    await expect(slot.accessToken()).resolves.toBe('access-0');
    expect(glue.refresh).not.toHaveBeenCalled();
    expect(slot.getState()).toEqual({
      status: 'active',
      profile: { username: 'agent' },
      expiresAt: 1_100_000,
      renewableUntil: 1_000_000 + REFRESH_LIFETIME_MS,
    });
    slot.end(null);
  });

  it('renews shortly before expiry by itself, with the refresh token it holds', async () => {
    const glue = fakeGlueRefresh();
    const slot = new TokenSlot('agent', glue.refresh, REFRESH_LIFETIME_MS);
    slot.start(first, {});
    // 100 s lifetime: renewed a quarter of it (25 s) before the end.
    await vi.advanceTimersByTimeAsync(74_999);
    expect(glue.refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(glue.calls).toEqual(['refresh-0']);
    await expect(slot.accessToken()).resolves.toBe('access-1');
    // The next renewal uses the rotated refresh token.
    await vi.advanceTimersByTimeAsync(75_000);
    expect(glue.calls).toEqual(['refresh-0', 'refresh-1']);
    slot.end(null);
  });

  it('renews a minute before expiry for long-lived tokens', async () => {
    const glue = fakeGlueRefresh(28_800);
    const slot = new TokenSlot('agent', glue.refresh, REFRESH_LIFETIME_MS);
    slot.start({ ...first, expiresIn: 28_800 }, {});
    await vi.advanceTimersByTimeAsync(28_740_000 - 1);
    expect(glue.refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(glue.refresh).toHaveBeenCalledTimes(1);
    slot.end(null);
  });

  it('makes one refresh however many requests wait for a token', async () => {
    const glue = fakeGlueRefresh();
    const slot = new TokenSlot('agent', glue.refresh, REFRESH_LIFETIME_MS);
    slot.start({ ...first, expiresIn: 1 }, {});
    vi.setSystemTime(Date.now() + 900);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => slot.accessToken()));
    expect(new Set(tokens)).toEqual(new Set(['access-1']));
    expect(glue.refresh).toHaveBeenCalledTimes(1);
    slot.end(null);
  });

  it('ends the session with the reason when Glue refuses to renew it', async () => {
    const glue = fakeGlueRefresh();
    const slot = new TokenSlot('agent', glue.refresh, REFRESH_LIFETIME_MS);
    slot.start(first, {});
    glue.failNextWith(
      new GlueError(401, '004', 'Failed to refresh token.', 'POST /refresh-tokens'),
    );
    const refused = new GlueError(401, '004', 'Failed to refresh token.', 'POST /refresh-tokens');
    const reason = message('session.renewalRefused', { whose: 'agent' });
    await expect(slot.refresh()).rejects.toEqual(new SessionEndedError(reason, refused));
    expect(slot.getState()).toEqual({
      status: 'signed-out',
      endedReason: reason,
      endedBy: refused,
    });
    expect(slot.refreshToken).toBeNull();
    await expect(slot.accessToken()).rejects.toBeInstanceOf(SessionEndedError);
  });

  it('keeps the session when Glue is unreachable, and tries again later', async () => {
    const glue = fakeGlueRefresh();
    const slot = new TokenSlot('agent', glue.refresh, REFRESH_LIFETIME_MS);
    slot.start(first, {});
    glue.failNextWith(new GlueUnreachableError('http://glue/refresh-tokens'));
    await expect(slot.refresh()).rejects.toBeInstanceOf(GlueUnreachableError);
    expect(slot.getState().status).toBe('active');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(glue.refresh).toHaveBeenCalledTimes(2);
    await expect(slot.accessToken()).resolves.toBe('access-1');
    slot.end(null);
  });

  it('drops the answer of a refresh that was in flight when the session ended', async () => {
    const glue = fakeGlueRefresh();
    const slot = new TokenSlot('agent', glue.refresh, REFRESH_LIFETIME_MS);
    slot.start(first, {});
    const refreshing = slot.refresh();
    slot.end(message('auth.signedOut'));
    await expect(refreshing).rejects.toBeInstanceOf(SessionEndedError);
    expect(slot.getState()).toEqual({
      status: 'signed-out',
      endedReason: message('auth.signedOut'),
    });
    expect(slot.refreshToken).toBeNull();
  });

  it('tells subscribers about every change and stops after unsubscribing', () => {
    const slot = new TokenSlot('agent', fakeGlueRefresh().refresh, REFRESH_LIFETIME_MS);
    const listener = vi.fn();
    const unsubscribe = slot.subscribe(listener);
    slot.start(first, {});
    slot.end(null);
    unsubscribe();
    slot.start(first, {});
    expect(listener).toHaveBeenCalledTimes(2);
    slot.end(null);
  });
});

describe('TokenSlot renewableUntil', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('moves with every refresh: each hands out a new refresh token', async () => {
    const glue = fakeGlueRefresh();
    const slot = new TokenSlot('agent', glue.refresh, 30_000);
    slot.start(first, {});
    expect(slot.getState()).toMatchObject({ renewableUntil: 1_030_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    await slot.refresh();
    expect(slot.getState()).toMatchObject({ renewableUntil: 1_040_000 });
    slot.end(null);
  });
});
