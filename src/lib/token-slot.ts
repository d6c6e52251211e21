import { useSyncExternalStore } from 'react';
import { message, type Message } from '../i18n/translate';
import { GlueError, SessionEndedError } from './glue-errors';

/** What Glue hands out on sign-in and on every refresh. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Lifetime of the access token, in seconds. */
  expiresIn: number;
}

export type RefreshTokens = (refreshToken: string) => Promise<TokenPair>;

export type SlotState<Profile> =
  | {
      status: 'signed-out';
      endedReason: Message | null;
      /** Glue's answer that ended it, kept word for word. */
      endedBy?: GlueError;
    }
  | {
      status: 'active';
      profile: Profile;
      expiresAt: number;
      /** When the refresh token runs out: past it, the session cannot be renewed. */
      renewableUntil: number;
    };

interface HeldTokens {
  pair: TokenPair;
  issuedAt: number;
  expiresAt: number;
  renewableUntil: number;
}

/** Wait before trying again when a refresh could not reach Glue. */
const RETRY_AFTER_UNREACHABLE_MS = 10_000;

/**
 * One signed-in principal's tokens, in memory only (never in storage, cookies or URLs).
 * The access token is renewed shortly before it expires, by a timer and on demand;
 * however many requests wait, one refresh is in flight at a time.
 */
export class TokenSlot<Profile> {
  #held: HeldTokens | null = null;
  #state: SlotState<Profile> = { status: 'signed-out', endedReason: null };
  #refreshing: Promise<string> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #listeners = new Set<() => void>();

  constructor(
    /** Whose session this is, for what the person is told when it ends. */
    private readonly whose: 'agent' | 'customer',
    private readonly refreshTokens: RefreshTokens,
    /** How long Glue's refresh tokens live; each refresh hands out a new one. */
    private readonly refreshTokenLifetimeMs: number,
  ) {}

  getState = (): SlotState<Profile> => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  start(pair: TokenPair, profile: Profile): void {
    this.#refreshing = null;
    this.#hold(pair);
    const { expiresAt, renewableUntil } = this.#held!;
    this.#setState({ status: 'active', profile, expiresAt, renewableUntil });
  }

  /** Forgets every token. `reason` is shown to the person, or null for a plain sign-out. */
  end(reason: Message | null, endedBy?: GlueError): void {
    clearTimeout(this.#timer);
    this.#held = null;
    this.#refreshing = null;
    this.#setState({ status: 'signed-out', endedReason: reason, ...(endedBy && { endedBy }) });
  }

  /** The refresh token to revoke on sign-out, if a session is active. */
  get refreshToken(): string | null {
    return this.#held?.pair.refreshToken ?? null;
  }

  /** A valid access token, renewed first when it is about to expire. */
  async accessToken(): Promise<string> {
    const held = this.#held;
    if (!held) throw new SessionEndedError(this.#endedReason());
    if (Date.now() < held.expiresAt - refreshMargin(held)) return held.pair.accessToken;
    return this.refresh();
  }

  /** Renews the tokens now; concurrent callers share the one refresh in flight. */
  refresh(): Promise<string> {
    if (this.#refreshing) return this.#refreshing;
    const held = this.#held;
    if (!held) return Promise.reject(new SessionEndedError(this.#endedReason()));

    const refreshing = this.refreshTokens(held.pair.refreshToken).then(
      (pair) => {
        // The session was ended or replaced while the refresh was in flight.
        if (this.#held !== held) throw new SessionEndedError(this.#endedReason());
        this.#hold(pair);
        const state = this.#state;
        if (state.status === 'active') {
          const { expiresAt, renewableUntil } = this.#held;
          this.#setState({ ...state, expiresAt, renewableUntil });
        }
        return pair.accessToken;
      },
      (error: unknown) => {
        if (this.#held !== held) throw new SessionEndedError(this.#endedReason());
        // A 4xx is Glue's final word; anything else (down, 5xx) may pass, so keep the session.
        if (error instanceof GlueError && error.status >= 400 && error.status < 500) {
          const reason = message('session.renewalRefused', { whose: this.whose });
          this.end(reason, error);
          throw new SessionEndedError(reason, error);
        }
        this.#schedule(RETRY_AFTER_UNREACHABLE_MS);
        throw error;
      },
    );
    this.#refreshing = refreshing;
    const clear = () => {
      if (this.#refreshing === refreshing) this.#refreshing = null;
    };
    refreshing.then(clear, clear);
    return refreshing;
  }

  #hold(pair: TokenPair): void {
    const issuedAt = Date.now();
    this.#held = {
      pair,
      issuedAt,
      expiresAt: issuedAt + pair.expiresIn * 1000,
      renewableUntil: issuedAt + this.refreshTokenLifetimeMs,
    };
    this.#schedule(this.#held.expiresAt - refreshMargin(this.#held) - issuedAt);
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    // setTimeout overflows past 2^31-1 ms; a later timer simply re-arms.
    this.#timer = setTimeout(
      () => {
        this.refresh().catch(() => undefined);
      },
      Math.min(Math.max(delayMs, 0), 2 ** 31 - 1),
    );
  }

  #endedReason(): Message {
    return this.#state.status === 'signed-out' && this.#state.endedReason
      ? this.#state.endedReason
      : message('session.ended', { whose: this.whose });
  }

  #setState(state: SlotState<Profile>): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}

/** Renew a minute before expiry, or a quarter of the lifetime for short-lived tokens. */
function refreshMargin(held: HeldTokens): number {
  return Math.min(60_000, (held.expiresAt - held.issuedAt) / 4);
}

export function useTokenSlotState<Profile>(slot: TokenSlot<Profile>): SlotState<Profile> {
  return useSyncExternalStore(slot.subscribe, slot.getState);
}
