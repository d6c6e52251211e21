import type { Message } from '../../i18n/translate';
import { createContext, useContext, useSyncExternalStore } from 'react';
import { GlueError, describeError } from '../../lib/glue-errors';
import type { CustomerProfile } from '../../lib/glue-session';

/** One change the agent made, or tried, in the customer's account. */
export interface ActivityEntry {
  id: number;
  /** When it was asked for (ms since the epoch). */
  at: number;
  action:
    | 'create-cart'
    | 'delete-cart'
    | 'add-item'
    | 'change-quantity'
    | 'remove-item'
    | 'add-address'
    | 'change-address'
    | 'default-shipping-address'
    | 'default-billing-address'
    | 'delete-address'
    | 'place-order'
    | 'apply-code'
    | 'remove-code'
    | 'send-password-reset'
    | 'create-return'
    | 'create-wishlist'
    | 'rename-wishlist'
    | 'delete-wishlist'
    | 'add-to-wishlist'
    | 'remove-from-wishlist'
    /** The agent chose Make changes: from now on the account can be changed. */
    | 'allow-changes'
    /** The agent went back to looking only. */
    | 'view-only';
  cartId: string | null;
  cartName: string | null;
  sku: string | null;
  productName: string | null;
  quantityBefore: number | null;
  quantityAfter: number | null;
  /** The address a change was about: a postal one in one line ("Julie-Wolfthorn-Straße 1, 10115 Berlin"), or the e-mail a password reset went to. */
  address: string | null;
  /** An order placed: its reference once Glue gave it, and what the agent chose and was shown. */
  order: PlacedOrder | null;
  /** A voucher or gift-card code applied or removed, and what it did. */
  code: CartCode | null;
  /** A return started: of which order, why, and its reference once Glue gave it. */
  returned: StartedReturn | null;
  /** The wishlist a change was about, by its name then; and the new name of a rename. */
  wishlist: WishlistNamed | null;
  status: 'pending' | 'done' | 'failed';
  /** Why it failed, as the agent was told. */
  error: Message | null;
  /** Glue's own words about the failure, verbatim, for the ticket. */
  glueSaid: string | null;
}

export interface PlacedOrder {
  reference: string | null;
  grandTotal: number;
  currency: string;
  /** The shipment method's name, as the shop names it ("Standard"). */
  shipment: string;
  /** The payment method's name, as the shop names it ("Invoice"). */
  payment: string;
}

/** The item fields of a change that is about no item (a cart made, a code, an order). */
export const NO_ITEM = {
  sku: null,
  productName: null,
  quantityBefore: null,
  quantityAfter: null,
} as const;

export interface CartCode {
  code: string;
  /** Null until the shop's answer tells, and for a code it refused. */
  kind: 'voucher' | 'gift-card' | null;
  /** What it takes off (a voucher) or pays (a gift card), in minor units; null when not known. */
  amount: number | null;
  currency: string;
}

export interface StartedReturn {
  reference: string | null;
  orderReference: string;
  reason: string;
}

export interface WishlistNamed {
  id: string | null;
  name: string;
  renamedTo: string | null;
}

/** A change as it is begun: what it is about; the log adds its id, time and status. */
export type NewEntry = Omit<
  ActivityEntry,
  'id' | 'at' | 'status' | 'error' | 'glueSaid' | 'order' | 'code' | 'returned' | 'wishlist'
> &
  Partial<Pick<ActivityEntry, 'order' | 'code' | 'returned' | 'wishlist'>>;

/** What settling a change records: its status, and what only the answer tells. */
export type EntryOutcome = Partial<
  Pick<
    ActivityEntry,
    | 'status'
    | 'error'
    | 'glueSaid'
    | 'cartId'
    | 'cartName'
    | 'quantityAfter'
    | 'order'
    | 'code'
    | 'returned'
    | 'wishlist'
  >
>;

/** View: the agent only looks, the console sends nothing that changes the account. Change: it may. */
export type SessionMode = 'view' | 'change';

/** One session of acting as a customer: who, why, when, and what changed. */
export interface SessionRecord {
  /** The agent who acted, as they signed in. */
  agent: string;
  customer: CustomerProfile;
  reason: string | null;
  /** The mode the session started in (CONSOLE_START_MODE); each switch is an entry. */
  startedInMode: SessionMode;
  mode: SessionMode;
  startedAt: number;
  endedAt: number | null;
  /** Why the session ended when the agent did not end it, e.g. the idle limit. */
  endedBecause: Message | null;
  entries: ActivityEntry[];
}

export interface SessionLogState {
  current: SessionRecord | null;
  /** Ended sessions of this browser tab, newest first. */
  past: SessionRecord[];
}

/** Sessions kept for the recap and the recent customers; older ones are forgotten. */
const MAX_PAST = 20;

/**
 * What the agent did while acting as customers in this tab. In memory only, like the tokens:
 * a reload forgets it, and nothing of it reaches storage.
 */
export class SessionLog {
  #state: SessionLogState = { current: null, past: [] };
  #nextId = 1;
  readonly #listeners = new Set<() => void>();
  readonly #clock: () => number;

  constructor(clock: () => number = Date.now) {
    this.#clock = clock;
  }

  getState = (): SessionLogState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  start(
    agent: string,
    customer: CustomerProfile,
    reason: string | null,
    mode: SessionMode = 'view',
  ): void {
    this.end(null);
    const current: SessionRecord = {
      agent,
      customer,
      reason,
      startedInMode: mode,
      mode,
      startedAt: this.#clock(),
      endedAt: null,
      endedBecause: null,
      entries: [],
    };
    this.#set({ ...this.#state, current });
  }

  /** Closes the current session, if any; `because` when the agent did not end it. */
  end(because: Message | null): void {
    const { current, past } = this.#state;
    if (!current) return;
    const ended = { ...current, endedAt: this.#clock(), endedBecause: because };
    this.#set({ current: null, past: [ended, ...past].slice(0, MAX_PAST) });
  }

  /** Forgets everything: the agent signed out, and the next one must not see it. */
  clear(): void {
    this.#set({ current: null, past: [] });
  }

  /** Switches the running session's mode, the switch an entry of its own; false when none runs or it is in it already. */
  setMode(mode: SessionMode): boolean {
    const { current } = this.#state;
    if (!current || current.mode === mode) return false;
    this.#set({ ...this.#state, current: { ...current, mode } });
    const id = this.begin({
      action: mode === 'change' ? 'allow-changes' : 'view-only',
      cartId: null,
      cartName: null,
      ...NO_ITEM,
      address: null,
    });
    this.settle(id, { status: 'done' });
    return true;
  }

  /** Records a change as under way; returns its id for `settle`. Null when no session runs. */
  begin(entry: NewEntry): number | null {
    const { current } = this.#state;
    if (!current) return null;
    const id = this.#nextId++;
    // Keys in the recap's order (docs/recap.md): what the change is, then what it is about.
    const started: ActivityEntry = {
      action: entry.action,
      cartId: entry.cartId,
      cartName: entry.cartName,
      sku: entry.sku,
      productName: entry.productName,
      quantityBefore: entry.quantityBefore,
      quantityAfter: entry.quantityAfter,
      address: entry.address,
      order: entry.order ?? null,
      code: entry.code ?? null,
      returned: entry.returned ?? null,
      wishlist: entry.wishlist ?? null,
      id,
      at: this.#clock(),
      status: 'pending',
      error: null,
      glueSaid: null,
    };
    this.#set({ ...this.#state, current: { ...current, entries: [...current.entries, started] } });
    return id;
  }

  /** Marks a change done or failed, with what only the answer tells (e.g. the cart's name). */
  settle(id: number | null, outcome: EntryOutcome): void {
    if (id === null) return;
    // A change may settle after its session ended: its record is then among the past ones.
    const update = (record: SessionRecord): SessionRecord =>
      record.entries.some((entry) => entry.id === id)
        ? {
            ...record,
            entries: record.entries.map((entry) =>
              entry.id === id ? { ...entry, ...outcome } : entry,
            ),
          }
        : record;
    const { current, past } = this.#state;
    this.#set({ current: current && update(current), past: past.map(update) });
  }

  #set(state: SessionLogState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}

export const SessionLogContext = createContext<SessionLog | null>(null);

export function useSessionLog(): SessionLog {
  const log = useContext(SessionLogContext);
  if (!log) throw new Error('useSessionLog needs the AppProvider');
  return log;
}

export function useSessionLogState(): SessionLogState {
  const log = useSessionLog();
  return useSyncExternalStore(log.subscribe, log.getState);
}

/** Makes a change with its entry in the log: under way, then done (with what `done` adds) or failed. */
export async function recorded<T>(
  log: SessionLog,
  entry: NewEntry,
  change: () => Promise<T>,
  done: (result: T) => EntryOutcome = () => ({}),
): Promise<T> {
  const entryId = log.begin(entry);
  try {
    const result = await change();
    log.settle(entryId, { status: 'done', ...done(result) });
    return result;
  } catch (error) {
    log.settle(entryId, failedWith(error));
    throw error;
  }
}

/** How a failed change is recorded: the console's sentence, and Glue's words when Glue refused. */
export function failedWith(error: unknown): Pick<ActivityEntry, 'status' | 'error' | 'glueSaid'> {
  return {
    status: 'failed',
    error: describeError(error),
    glueSaid: error instanceof GlueError ? error.detail : null,
  };
}
