import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  randomBytes,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type Database from 'better-sqlite3';
import { SignJWT, jwtVerify } from 'jose';

export type Scope = 'agent' | 'customer' | 'customer_impersonation';

/** The decoded `sub` claim; Spryker's field names, so the console reads either server alike. */
export interface TokenSubject {
  id_company_user: null;
  id_agent: number | null;
  customer_reference: string | null;
  id_customer: number | null;
  permissions: null;
}

/** What a token pair carries: who it is for and what it may do. */
export interface Grant {
  subject: TokenSubject;
  scopes: Scope[];
}

export interface TokenPair {
  tokenType: 'Bearer';
  expiresIn: number;
  accessToken: string;
  refreshToken: string;
}

/** Who acts through an impersonation token: the session and its agent, kept server-side. */
export interface Impersonation {
  sessionId: number;
  idAgent: number;
}

/** What a valid access token says, with what the stand-in knows about it. */
export interface VerifiedToken {
  grant: Grant;
  jti: string;
  /** Set exactly for an impersonation token. */
  impersonation: Impersonation | null;
}

export interface TokenLifetimes {
  accessTokenTtl: number;
  refreshTokenTtl: number;
}

const AUDIENCE = 'frontend';
const REFRESH_TOKEN_PREFIX = 'def50200';
// Far above any token we issue; longer input is refused before any crypto runs.
const MAX_TOKEN_LENGTH = 8192;

export function agentGrant(idAgent: number): Grant {
  return {
    subject: {
      id_company_user: null,
      id_agent: idAgent,
      customer_reference: null,
      id_customer: null,
      permissions: null,
    },
    scopes: ['agent'],
  };
}

export function customerGrant(customerReference: string, idCustomer: number): Grant {
  return {
    subject: {
      id_company_user: null,
      id_agent: null,
      customer_reference: customerReference,
      id_customer: idCustomer,
      permissions: null,
    },
    scopes: ['customer'],
  };
}

export function impersonationGrant(customerReference: string, idCustomer: number): Grant {
  return {
    ...customerGrant(customerReference, idCustomer),
    scopes: ['customer_impersonation', 'customer'],
  };
}

export function isAgent(grant: Grant): boolean {
  return grant.scopes.includes('agent');
}

export function isImpersonation(grant: Grant): boolean {
  return grant.scopes.includes('customer_impersonation');
}

/** `sub` as Spryker encodes it: a JSON string with a fixed key order. */
export function encodeSubject(subject: TokenSubject): string {
  return JSON.stringify({
    id_company_user: null,
    id_agent: subject.id_agent,
    customer_reference: subject.customer_reference,
    id_customer: subject.id_customer,
    permissions: null,
  });
}

function isScope(value: unknown): value is Scope {
  return value === 'agent' || value === 'customer' || value === 'customer_impersonation';
}

/** Rebuilds a grant from a token's or a stored row's `sub` and `scopes`; null if malformed. */
export function decodeGrant(sub: unknown, scopes: unknown): Grant | null {
  if (typeof sub !== 'string' || !Array.isArray(scopes) || scopes.length === 0) return null;
  if (!scopes.every(isScope)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(sub);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const fields = parsed as Record<string, unknown>;
  const idAgent = fields.id_agent;
  const reference = fields.customer_reference;
  const idCustomer = fields.id_customer;
  if (scopes.includes('agent')) {
    if (!Number.isSafeInteger(idAgent) || reference !== null || idCustomer !== null) return null;
    return { ...agentGrant(idAgent as number), scopes: [...scopes] };
  }
  if (idAgent !== null || typeof reference !== 'string' || !Number.isSafeInteger(idCustomer)) {
    return null;
  }
  return { ...customerGrant(reference, idCustomer as number), scopes: [...scopes] };
}

/** Who owns a refresh token: `DELETE /refresh-tokens/mine` revokes all of one owner's tokens. */
export function ownerOf(grant: Grant): string {
  const { id_agent: idAgent, customer_reference: reference } = grant.subject;
  return idAgent !== null ? `agent:${idAgent}` : `customer:${reference ?? ''}`;
}

export function hashRefreshToken(refreshToken: string): string {
  return createHash('sha256').update(refreshToken).digest('hex');
}

export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const generateKeyPairAsync = promisify(generateKeyPair);

/** One RSA-2048 key pair per database, so tokens survive a restart of the stand-in. */
export async function loadOrCreateSigningKeys(db: Database.Database): Promise<SigningKeys> {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  let privatePem = read.get('jwt_private_key')?.value;
  let publicPem = read.get('jwt_public_key')?.value;
  if (privatePem === undefined || publicPem === undefined) {
    const pair = await generateKeyPairAsync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const insert = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
    // OR IGNORE plus a re-read: if another process won the race, both use its pair.
    db.transaction(() => {
      insert.run('jwt_private_key', pair.privateKey);
      insert.run('jwt_public_key', pair.publicKey);
    }).immediate();
    privatePem = read.get('jwt_private_key')?.value ?? pair.privateKey;
    publicPem = read.get('jwt_public_key')?.value ?? pair.publicKey;
  }
  return { privateKey: createPrivateKey(privatePem), publicKey: createPublicKey(publicPem) };
}

interface RefreshTokenRow {
  sub: string;
  scopes: string;
  impersonation_session_id: number | null;
}

interface ImpersonationRow {
  session_id: number;
  id_agent: number;
}

/** What a pair is issued for. */
interface IssueRequest {
  grant: Grant;
  /** The agent an impersonation grant is issued to; null for every other grant. */
  impersonatedBy: number | null;
  /** Why the agent acts as the customer, as the session records it; null for none. */
  reason: string | null;
}

/** What other parts of the stand-in do as part of issuing a token. */
export interface TokenHooks {
  /**
   * Runs inside the transaction that starts an impersonation session (`now` its start, in
   * seconds), so what it writes about the session is written with it or not at all.
   */
  sessionStarted?: (sessionId: number, now: number) => void;
}

/** Issues, verifies, rotates and revokes tokens (contract §4). */
export class Tokens {
  readonly #keys: SigningKeys;
  readonly #lifetimes: TokenLifetimes;
  readonly #clock: () => number;
  readonly #insertRefresh: Database.Statement;
  readonly #consumeRefresh: Database.Statement;
  readonly #selectRefresh: Database.Statement<[string], RefreshTokenRow>;
  readonly #revokeOne: Database.Statement;
  readonly #revokeAll: Database.Statement;
  readonly #insertSession: Database.Statement;
  readonly #insertSessionToken: Database.Statement;
  readonly #selectSessionOfToken: Database.Statement<[string], ImpersonationRow>;
  readonly #endSessionOfToken: Database.Statement;
  readonly #endSessionsOfOwner: Database.Statement;
  readonly #issue: Database.Transaction<
    (request: IssueRequest, now: number, refreshToken: string, jti: string) => void
  >;
  readonly #rotate: (
    hash: string,
    now: number,
    next: string,
    jti: string,
  ) => { grant: Grant; sessionId: number | null } | null;
  readonly #revoke: (hash: string, owner: string, now: number) => void;
  readonly #revokeAllOfOwner: (owner: string, now: number) => void;
  /** Tokens whose signature and claims were checked, with their claims: RS256 is slow to verify. */
  readonly #verified = new Map<string, VerifiedClaims>();

  constructor(
    db: Database.Database,
    keys: SigningKeys,
    lifetimes: TokenLifetimes,
    clock: () => number,
    hooks: TokenHooks = {},
  ) {
    this.#keys = keys;
    this.#lifetimes = lifetimes;
    this.#clock = clock;
    this.#insertRefresh = db.prepare(
      `INSERT INTO refresh_tokens (token_hash, subject, sub, scopes, expires_at, revoked_at,
         created_at, impersonation_session_id)
       VALUES (?, ?, ?, ?, ?, NULL, ?, ?)`,
    );
    // The single-use guarantee: only one caller can flip revoked_at from NULL.
    this.#consumeRefresh = db.prepare(
      `UPDATE refresh_tokens SET revoked_at = @now
       WHERE token_hash = @hash AND revoked_at IS NULL AND expires_at > @now`,
    );
    this.#selectRefresh = db.prepare(
      'SELECT sub, scopes, impersonation_session_id FROM refresh_tokens WHERE token_hash = ?',
    );
    this.#revokeOne = db.prepare(
      `UPDATE refresh_tokens SET revoked_at = @now
       WHERE token_hash = @hash AND subject = @owner AND revoked_at IS NULL`,
    );
    this.#revokeAll = db.prepare(
      'UPDATE refresh_tokens SET revoked_at = @now WHERE subject = @owner AND revoked_at IS NULL',
    );
    this.#insertSession = db.prepare(
      `INSERT INTO impersonation_sessions (id_agent, id_customer, customer_reference, reason,
         started_at, ended_at)
       VALUES (@idAgent, @idCustomer, @reference, @reason, @now, NULL)`,
    );
    this.#insertSessionToken = db.prepare(
      `INSERT INTO impersonation_tokens (jti, session_id, issued_at, expires_at)
       VALUES (?, ?, ?, ?)`,
    );
    this.#selectSessionOfToken = db.prepare(
      `SELECT t.session_id, s.id_agent FROM impersonation_tokens AS t
       JOIN impersonation_sessions AS s ON s.id = t.session_id WHERE t.jti = ?`,
    );
    // Revoking a session's refresh token ends the session; rotating it (consume) does not.
    this.#endSessionOfToken = db.prepare(
      `UPDATE impersonation_sessions SET ended_at = @now
       WHERE ended_at IS NULL AND id = (SELECT impersonation_session_id FROM refresh_tokens
         WHERE token_hash = @hash AND subject = @owner AND revoked_at IS NULL)`,
    );
    this.#endSessionsOfOwner = db.prepare(
      `UPDATE impersonation_sessions SET ended_at = @now
       WHERE ended_at IS NULL AND id IN (SELECT impersonation_session_id FROM refresh_tokens
         WHERE subject = @owner AND revoked_at IS NULL AND impersonation_session_id IS NOT NULL)`,
    );
    this.#issue = db.transaction(
      (request: IssueRequest, now: number, refreshToken: string, jti: string) => {
        const sessionId = request.impersonatedBy === null ? null : this.#startSession(request, now);
        this.#storeRefreshToken(refreshToken, request.grant, now, sessionId);
        if (sessionId !== null) {
          this.#recordSessionToken(jti, sessionId, now);
          hooks.sessionStarted?.(sessionId, now);
        }
      },
    );
    this.#rotate = db.transaction((hash: string, now: number, next: string, jti: string) => {
      if (this.#consumeRefresh.run({ hash, now }).changes !== 1) return null;
      const row = this.#selectRefresh.get(hash);
      if (row === undefined) return null;
      const grant = decodeGrant(row.sub, JSON.parse(row.scopes));
      if (grant === null) throw new Error('A stored refresh token has an unreadable grant.');
      const sessionId = row.impersonation_session_id;
      if (isImpersonation(grant) !== (sessionId !== null)) {
        throw new Error('A stored refresh token has a grant that does not fit its session.');
      }
      this.#storeRefreshToken(next, grant, now, sessionId);
      if (sessionId !== null) this.#recordSessionToken(jti, sessionId, now);
      return { grant, sessionId };
    });
    this.#revoke = db.transaction((hash: string, owner: string, now: number) => {
      this.#endSessionOfToken.run({ hash, owner, now });
      this.#revokeOne.run({ hash, owner, now });
    });
    this.#revokeAllOfOwner = db.transaction((owner: string, now: number) => {
      this.#endSessionsOfOwner.run({ owner, now });
      this.#revokeAll.run({ owner, now });
    });
  }

  #startSession(request: IssueRequest, now: number): number {
    const { customer_reference: reference, id_customer: idCustomer } = request.grant.subject;
    const result = this.#insertSession.run({
      idAgent: request.impersonatedBy,
      idCustomer,
      reference,
      reason: request.reason,
      now,
    });
    return Number(result.lastInsertRowid);
  }

  #recordSessionToken(jti: string, sessionId: number, now: number): void {
    this.#insertSessionToken.run(jti, sessionId, now, now + this.#lifetimes.accessTokenTtl);
  }

  #now(): number {
    return Math.floor(this.#clock() / 1000);
  }

  #storeRefreshToken(
    refreshToken: string,
    grant: Grant,
    now: number,
    sessionId: number | null,
  ): void {
    this.#insertRefresh.run(
      hashRefreshToken(refreshToken),
      ownerOf(grant),
      encodeSubject(grant.subject),
      JSON.stringify(grant.scopes),
      now + this.#lifetimes.refreshTokenTtl,
      now,
      sessionId,
    );
  }

  async #signAccessToken(grant: Grant, now: number, jti: string): Promise<string> {
    // Claims in Spryker's order; iat = nbf and exp = iat + expiresIn.
    const payload = {
      aud: AUDIENCE,
      jti,
      iat: now,
      nbf: now,
      exp: now + this.#lifetimes.accessTokenTtl,
      sub: encodeSubject(grant.subject),
      scopes: grant.scopes,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256' })
      .sign(this.#keys.privateKey);
  }

  #pair(accessToken: string, refreshToken: string): TokenPair {
    return {
      tokenType: 'Bearer',
      expiresIn: this.#lifetimes.accessTokenTtl,
      accessToken,
      refreshToken,
    };
  }

  /**
   * A new access token and a new stored refresh token for the grant. An impersonation grant
   * needs the agent it is issued to (`impersonatedBy`) and starts a new impersonation session,
   * which records the agent's `reason`.
   */
  async issuePair(
    grant: Grant,
    impersonatedBy: number | null = null,
    reason: string | null = null,
  ): Promise<TokenPair> {
    if (isImpersonation(grant) !== (impersonatedBy !== null)) {
      throw new Error('An impersonation grant, and only one, is issued to an agent.');
    }
    const now = this.#now();
    const refreshToken = newRefreshToken();
    const jti = newJti();
    // IMMEDIATE: a session's start reads which other sessions are open, and must see the last.
    this.#issue.immediate({ grant, impersonatedBy, reason }, now, refreshToken, jti);
    return this.#pair(await this.#signAccessToken(grant, now, jti), refreshToken);
  }

  /** Same-grant pair for a live refresh token, else null; the consume runs before any await. */
  async rotate(refreshToken: string): Promise<TokenPair | null> {
    const now = this.#now();
    const next = newRefreshToken();
    const jti = newJti();
    const rotated =
      refreshToken.length > MAX_TOKEN_LENGTH
        ? null
        : this.#rotate(hashRefreshToken(refreshToken), now, next, jti);
    if (rotated === null) return null;
    return this.#pair(await this.#signAccessToken(rotated.grant, now, jti), next);
  }

  /**
   * A valid, unexpired access token's grant and jti, and for an impersonation token its session
   * and agent; null for anything else, including an impersonation token this database never
   * recorded.
   */
  async verify(accessToken: string): Promise<VerifiedToken | null> {
    if (accessToken.length > MAX_TOKEN_LENGTH) return null;
    const now = this.#now();
    const claims = this.#verified.get(accessToken) ?? (await this.#verifySignature(accessToken));
    // Time is checked on every use, so a remembered token still expires (jose: exp > now >= nbf).
    if (claims === null || claims.exp <= now || claims.nbf > now) return null;
    const { sub, scopes, jti } = claims;
    const grant = decodeGrant(sub, scopes);
    if (grant === null || typeof jti !== 'string') return null;
    if (!isImpersonation(grant)) return { grant, jti, impersonation: null };
    const session = this.#selectSessionOfToken.get(jti);
    if (session === undefined) return null;
    return {
      grant,
      jti,
      impersonation: { sessionId: session.session_id, idAgent: session.id_agent },
    };
  }

  async #verifySignature(accessToken: string): Promise<VerifiedClaims | null> {
    try {
      const { payload } = await jwtVerify(accessToken, this.#keys.publicKey, {
        algorithms: ['RS256'],
        audience: AUDIENCE,
        typ: 'JWT',
        requiredClaims: ['jti', 'iat', 'nbf', 'exp', 'sub'],
        currentDate: new Date(this.#now() * 1000),
      });
      const claims: VerifiedClaims = {
        sub: payload.sub,
        scopes: payload.scopes,
        jti: payload.jti,
        exp: payload.exp!,
        nbf: payload.nbf!,
      };
      // The oldest goes first once full (a Map keeps insertion order).
      if (this.#verified.size >= VERIFIED_CACHE_SIZE)
        this.#verified.delete(this.#verified.keys().next().value!);
      this.#verified.set(accessToken, claims);
      return claims;
    } catch {
      return null;
    }
  }

  /** The grant of a valid, unexpired access token, or null for anything else. */
  async verifyAccessToken(accessToken: string): Promise<Grant | null> {
    return (await this.verify(accessToken))?.grant ?? null;
  }

  /**
   * Revokes the token only if `owner` owns it; unknown or foreign tokens are left alone.
   * Revoking an impersonation session's token ends the session.
   */
  revoke(refreshToken: string, owner: string): void {
    if (refreshToken.length > MAX_TOKEN_LENGTH) return;
    this.#revoke(hashRefreshToken(refreshToken), owner, this.#now());
  }

  revokeAllOf(owner: string): void {
    this.#revokeAllOfOwner(owner, this.#now());
  }
}

const VERIFIED_CACHE_SIZE = 10_000;

interface VerifiedClaims {
  sub: unknown;
  scopes: unknown;
  jti: unknown;
  exp: number;
  nbf: number;
}

function newRefreshToken(): string {
  return REFRESH_TOKEN_PREFIX + randomBytes(64).toString('hex');
}

function newJti(): string {
  return randomBytes(40).toString('hex');
}
