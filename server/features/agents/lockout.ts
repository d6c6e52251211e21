import type Database from 'better-sqlite3';

export interface LockoutPolicy {
  /** Failures within `ttlSeconds` after which the (IP, username) is blocked. */
  attempts: number;
  blockSeconds: number;
  ttlSeconds: number;
}

interface AttemptRow {
  count: number;
  first_failed_at: number;
  blocked_until: number | null;
}

/** The socket's address as @hono/node-server hands it over; X-Forwarded-For is not trusted. */
export function clientIp(env: unknown): string {
  const bindings = env as { incoming?: { socket?: { remoteAddress?: unknown } } } | undefined;
  const address = bindings?.incoming?.socket?.remoteAddress;
  return typeof address === 'string' && address !== '' ? address : 'unknown';
}

/** The key an attempt is counted under, so "Admin@…" and "admin@…" share one counter. */
export function lockoutUsername(username: string): string {
  return username.trim().toLowerCase();
}

// Counted before the password check and forgiven on success: parallel guesses cannot outrun it.
/** Failed agent logins per (client IP, username), as Spryker's security blocker counts them. */
export class Lockout {
  readonly #clock: () => number;
  readonly #begin: (ip: string, username: string, now: number) => boolean;
  readonly #forgive: (ip: string, username: string) => void;
  readonly #queues = new Map<string, Promise<void>>();

  constructor(db: Database.Database, policy: LockoutPolicy, clock: () => number) {
    this.#clock = clock;
    const select = db.prepare<[string, string], AttemptRow>(
      'SELECT count, first_failed_at, blocked_until FROM login_attempts WHERE ip = ? AND username = ?',
    );
    const upsert = db.prepare(
      `INSERT INTO login_attempts (ip, username, count, first_failed_at, blocked_until)
       VALUES (@ip, @username, @count, @firstFailedAt, @blockedUntil)
       ON CONFLICT (ip, username) DO UPDATE SET count = excluded.count,
         first_failed_at = excluded.first_failed_at, blocked_until = excluded.blocked_until`,
    );
    const remove = db.prepare('DELETE FROM login_attempts WHERE ip = ? AND username = ?');
    // Lapsed counters and blocks are dropped, so guessing many usernames cannot grow the table.
    const prune = db.prepare(
      `DELETE FROM login_attempts
       WHERE (blocked_until IS NOT NULL AND blocked_until <= @now)
          OR (blocked_until IS NULL AND first_failed_at + @ttl <= @now)`,
    );
    const begin = db.transaction((ip: string, username: string, now: number): boolean => {
      prune.run({ now, ttl: policy.ttlSeconds });
      const row = select.get(ip, username);
      if (row !== undefined && row.blocked_until !== null) return false;
      const count = (row?.count ?? 0) + 1;
      const blockedUntil = count >= policy.attempts ? now + policy.blockSeconds : null;
      upsert.run({ ip, username, count, firstFailedAt: row?.first_failed_at ?? now, blockedUntil });
      return true;
    });
    const forgive = db.transaction((ip: string, username: string) => {
      const row = select.get(ip, username);
      if (row === undefined) return;
      const count = row.count - 1;
      if (count <= 0) {
        remove.run(ip, username);
        return;
      }
      const blockedUntil = count >= policy.attempts ? row.blocked_until : null;
      upsert.run({ ip, username, count, firstFailedAt: row.first_failed_at, blockedUntil });
    });
    this.#begin = (ip, username, now) => begin.immediate(ip, username, now);
    this.#forgive = (ip, username) => forgive.immediate(ip, username);
  }

  /**
   * Runs the attempts of one (ip, username) one after another. Counting before the password check
   * already stops parallel guesses; this keeps a burst of right passwords, each counted until its
   * check ends, from adding up to a block.
   */
  async oneAtATime<T>(ip: string, username: string, attempt: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([ip, username]);
    const run = (this.#queues.get(key) ?? Promise.resolve()).then(attempt);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(key, tail);
    try {
      return await run;
    } finally {
      // The last in line removes the queue, so idle keys hold no memory.
      if (this.#queues.get(key) === tail) this.#queues.delete(key);
    }
  }

  /** False while blocked; asked before the password is looked at, so a right one is refused too. */
  beginAttempt(ip: string, username: string): boolean {
    return this.#begin(ip, username, Math.floor(this.#clock() / 1000));
  }

  /** Takes back the count of an attempt whose password was right. */
  forgiveAttempt(ip: string, username: string): void {
    this.#forgive(ip, username);
  }
}
