/**
 * Cart codes (contract §10, §10a): the vouchers and gift cards of the seed, the codes a cart
 * holds, and adding and removing them. Spryker offers every code to the voucher plugin and to the
 * gift-card plugin; whichever knows it applies it, and an add counts only when the recalculated
 * cart shows the code applied (cart-codes-rest-api 1.4.1 Zed `CartCodeAdder`), else 3302.
 */
import type Database from 'better-sqlite3';
import type { Actor, AuditEntry, ImpersonationAudit } from '../agents/audit';
import type { Cart, Carts } from '../carts/carts';
import { Errors, GlueError } from '../../platform/errors';
import { priceCart } from './cart-pricing';
import { isCalculatorType } from './discount-calculator';
import type { CalculatorType, MoneyValue } from './discount-calculator';

/** A voucher discount (spy_discount with its voucher pool), as §10a's seed holds it. */
export interface VoucherDiscount {
  idDiscount: number;
  displayName: string;
  description: string;
  calculator: CalculatorType;
  /** PLUGIN_CALCULATOR_PERCENTAGE's amount: 500 = 5 %. A fixed discount's is unused. */
  amount: number;
  /** PLUGIN_CALCULATOR_FIXED's amounts, one per currency (`spy_discount_amount`). */
  moneyValues: readonly MoneyValue[];
  store: string;
  decisionRule: string;
  /** `YYYY-MM-DD HH:MM:SS`, UTC. */
  validFrom: string;
  validTo: string;
  isActive: boolean;
  isExclusive: boolean;
  priority: number;
  /** The concrete SKUs its collector selects among the stand-in's products. */
  collectorSkus: readonly string[];
}

export interface Voucher {
  id: number;
  code: string;
  isActive: boolean;
  /** 0 = unlimited. */
  maxNumberOfUses: number;
  numberOfUses: number;
  discount: VoucherDiscount;
}

export interface GiftCard {
  id: number;
  code: string;
  name: string;
  value: number;
  currency: string;
  isActive: boolean;
  /** `value` less what orders spent of it (`spy_gift_card_balance_log`). */
  actualValue: number;
}

export type CartCode =
  | { kind: 'voucher'; code: string; voucher: Voucher }
  | { kind: 'gift-card'; code: string; giftCard: GiftCard };

/** The route a change came through: both take any code, they differ on DELETE (§10). */
export type CartCodeRoute = 'cart-codes' | 'vouchers';

interface VoucherRow {
  id: number;
  code: string;
  is_active: number;
  max_number_of_uses: number;
  number_of_uses: number;
  id_discount: number;
  display_name: string;
  description: string;
  calculator: string;
  amount: number;
  /** JSON: `[{currency, grossAmount, netAmount}]`. */
  money_values: string;
  store: string;
  decision_rule: string;
  valid_from: string;
  valid_to: string;
  discount_is_active: number;
  is_exclusive: number;
  priority: number;
  collector_skus: string;
}

interface GiftCardRow {
  id: number;
  code: string;
  name: string;
  value: number;
  currency: string;
  is_active: number;
  actual_value: number;
}

/** Which cart holds a code, and when it was added (cart_codes.id). */
interface HeldRow {
  cart_id: number;
  position: number;
}

const VOUCHER_COLUMNS = `v.id AS id, v.code AS code, v.is_active AS is_active,
  v.max_number_of_uses AS max_number_of_uses, v.number_of_uses AS number_of_uses,
  d.id AS id_discount, d.display_name AS display_name, d.description AS description,
  d.calculator AS calculator, d.amount AS amount,
  (SELECT json_group_array(json_object('currency', a.currency, 'grossAmount', a.gross_amount,
      'netAmount', a.net_amount) ORDER BY a.currency)
    FROM discount_amounts AS a WHERE a.discount_id = d.id) AS money_values,
  d.store AS store, d.decision_rule AS decision_rule,
  d.valid_from AS valid_from, d.valid_to AS valid_to, d.is_active AS discount_is_active,
  d.is_exclusive AS is_exclusive, d.priority AS priority,
  (SELECT json_group_array(s.sku) FROM discount_collector_skus AS s
    WHERE s.discount_id = d.id) AS collector_skus
  FROM discount_vouchers AS v JOIN discounts AS d ON d.id = v.discount_id`;
const GIFT_CARD_COLUMNS = `g.id AS id, g.code AS code, g.name AS name, g.value AS value,
  g.currency AS currency, g.is_active AS is_active,
  g.value - coalesce((SELECT sum(l.value) FROM gift_card_balance_log AS l
    WHERE l.gift_card_id = g.id), 0) AS actual_value
  FROM gift_cards AS g`;

function toVoucher(row: VoucherRow): Voucher {
  // The schema allows no other (db.ts); a row that had one would be a broken database.
  if (!isCalculatorType(row.calculator)) {
    throw new Error(`discount ${row.id_discount}: unknown calculator ${row.calculator}`);
  }
  return {
    id: row.id,
    code: row.code,
    isActive: row.is_active === 1,
    maxNumberOfUses: row.max_number_of_uses,
    numberOfUses: row.number_of_uses,
    discount: {
      idDiscount: row.id_discount,
      displayName: row.display_name,
      description: row.description,
      calculator: row.calculator,
      amount: row.amount,
      moneyValues: JSON.parse(row.money_values) as MoneyValue[],
      store: row.store,
      decisionRule: row.decision_rule,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      isActive: row.discount_is_active === 1,
      isExclusive: row.is_exclusive === 1,
      priority: row.priority,
      collectorSkus: JSON.parse(row.collector_skus) as string[],
    },
  };
}

function toGiftCard(row: GiftCardRow): GiftCard {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    value: row.value,
    currency: row.currency,
    isActive: row.is_active === 1,
    actualValue: row.actual_value,
  };
}

/**
 * Reads the seed's vouchers and gift cards and the codes carts hold. Codes are matched exactly,
 * letter case included. Call inside the reader's transaction, so a cart's codes and a card's
 * balance come from the cart's snapshot.
 */
export class CartCodeStore {
  readonly #voucher: Database.Statement<[string], VoucherRow>;
  readonly #giftCard: Database.Statement<[string], GiftCardRow>;
  readonly #vouchersOfCarts: Database.Statement<[string], VoucherRow & HeldRow>;
  readonly #giftCardsOfCarts: Database.Statement<[string], GiftCardRow & HeldRow>;

  constructor(db: Database.Database) {
    this.#voucher = db.prepare(`SELECT ${VOUCHER_COLUMNS} WHERE v.code = ?`);
    this.#giftCard = db.prepare(`SELECT ${GIFT_CARD_COLUMNS} WHERE g.code = ?`);
    this.#vouchersOfCarts = db.prepare(`SELECT c.cart_id AS cart_id, c.id AS position,
        ${VOUCHER_COLUMNS} JOIN cart_codes AS c ON c.voucher_id = v.id
      WHERE c.cart_id IN (SELECT value FROM json_each(?)) ORDER BY c.id`);
    this.#giftCardsOfCarts = db.prepare(`SELECT c.cart_id AS cart_id, c.id AS position,
        ${GIFT_CARD_COLUMNS} JOIN cart_codes AS c ON c.gift_card_id = g.id
      WHERE c.cart_id IN (SELECT value FROM json_each(?)) ORDER BY c.id`);
  }

  voucher(code: string): Voucher | null {
    const row = this.#voucher.get(code);
    return row === undefined ? null : toVoucher(row);
  }

  giftCard(code: string): GiftCard | null {
    const row = this.#giftCard.get(code);
    return row === undefined ? null : toGiftCard(row);
  }

  /** Each cart's codes (by the cart's row id), in the order they were added. */
  codesOf(cartIds: readonly number[]): Map<number, CartCode[]> {
    const ids = JSON.stringify(cartIds);
    const positioned: { cartId: number; position: number; code: CartCode }[] = [
      ...this.#vouchersOfCarts.all(ids).map((row) => ({
        cartId: row.cart_id,
        position: row.position,
        code: { kind: 'voucher' as const, code: row.code, voucher: toVoucher(row) },
      })),
      ...this.#giftCardsOfCarts.all(ids).map((row) => ({
        cartId: row.cart_id,
        position: row.position,
        code: { kind: 'gift-card' as const, code: row.code, giftCard: toGiftCard(row) },
      })),
    ];
    positioned.sort((a, b) => a.position - b.position);
    const result = new Map<number, CartCode[]>();
    for (const { cartId, code } of positioned) {
      result.set(cartId, [...(result.get(cartId) ?? []), code]);
    }
    return result;
  }
}

export interface CartCodesDependencies {
  carts: Carts;
  store: CartCodeStore;
  audit: ImpersonationAudit;
  clock: () => number;
}

/**
 * Adds and removes a cart's codes, each change one IMMEDIATE transaction that reads the cart under
 * the write lock: two codes applied at once both land (or one is refused for the other), and a
 * refused change writes nothing. With an impersonation token each change is audited in the same
 * transaction.
 */
export class CartCodes {
  readonly #deps: CartCodesDependencies;
  readonly #insert: Database.Statement;
  readonly #delete: Database.Statement;
  readonly #touchCart: Database.Statement;
  readonly #countUse: Database.Statement;
  readonly #add: Database.Transaction<
    (actor: Actor, uuid: string, code: string, route: CartCodeRoute) => Cart
  >;
  readonly #remove: Database.Transaction<
    (actor: Actor, uuid: string, code: string, route: CartCodeRoute) => void
  >;

  constructor(db: Database.Database, deps: CartCodesDependencies) {
    this.#deps = deps;
    this.#insert = db.prepare(
      `INSERT INTO cart_codes (cart_id, voucher_id, gift_card_id)
       VALUES ((SELECT id FROM carts WHERE uuid = @uuid), @voucherId, @giftCardId)`,
    );
    this.#delete = db.prepare(
      `DELETE FROM cart_codes WHERE cart_id = (SELECT id FROM carts WHERE uuid = @uuid)
         AND (voucher_id IN (SELECT id FROM discount_vouchers WHERE code = @code)
           OR gift_card_id IN (SELECT id FROM gift_cards WHERE code = @code))`,
    );
    this.#touchCart = db.prepare('UPDATE carts SET updated_at = ? WHERE uuid = ?');
    this.#countUse = db.prepare(
      'UPDATE discount_vouchers SET number_of_uses = number_of_uses + 1 WHERE id = ?',
    );
    this.#add = db.transaction(
      (actor: Actor, uuid: string, code: string, route: CartCodeRoute): Cart => {
        const cart = this.#cart(actor, uuid);
        const entry = this.#entry('POST', route, cart, code);
        const held = cart.codes.find((candidate) => candidate.code === code);
        // Posted again: the cart as it is, if the code applies; it is not added twice (§10).
        if (held !== undefined) {
          if (!isApplied(cart, code)) throw new GlueError(Errors.cartCodeCantBeAdded);
          this.#deps.audit.recordSuccess(actor, entry, 201);
          return cart;
        }
        const candidate = this.#candidate(code);
        // One voucher per discount: the one already in the cart stays (§10).
        const sameDiscount =
          candidate?.kind === 'voucher' &&
          cart.codes.some(
            (other) =>
              other.kind === 'voucher' &&
              other.voucher.discount.idDiscount === candidate.voucher.discount.idDiscount,
          );
        if (
          candidate === null ||
          sameDiscount ||
          !isApplied({ ...cart, codes: [...cart.codes, candidate] }, code)
        ) {
          throw new GlueError(Errors.cartCodeCantBeAdded);
        }
        this.#insert.run({
          uuid,
          voucherId: candidate.kind === 'voucher' ? candidate.voucher.id : null,
          giftCardId: candidate.kind === 'gift-card' ? candidate.giftCard.id : null,
        });
        this.#touchCart.run(this.#now(), uuid);
        this.#deps.audit.recordSuccess(actor, entry, 201);
        return this.#cart(actor, uuid);
      },
    );
    this.#remove = db.transaction(
      (actor: Actor, uuid: string, code: string, route: CartCodeRoute): void => {
        const cart = this.#cart(actor, uuid);
        // `/vouchers` removes only a voucher the cart's discounts show (Zed `CartCodeRemover`).
        if (
          route === 'vouchers' &&
          !priceCart(cart).vouchers.some((v) => v.voucher.code === code)
        ) {
          throw new GlueError(Errors.cartCodeNotFound);
        }
        if (this.#delete.run({ uuid, code }).changes > 0) this.#touchCart.run(this.#now(), uuid);
        this.#deps.audit.recordSuccess(actor, this.#entry('DELETE', route, cart, code), 204);
      },
    );
  }

  #now(): number {
    return Math.floor(this.#deps.clock() / 1000);
  }

  #cart(actor: Actor, uuid: string): Cart {
    const cart = this.#deps.carts.find(actor.idCustomer, uuid);
    if (cart === null) throw new GlueError(Errors.cartNotFound);
    return cart;
  }

  /** The voucher plugin first, then the gift-card plugin: whichever knows the code. */
  #candidate(code: string): CartCode | null {
    const voucher = this.#deps.store.voucher(code);
    if (voucher !== null) return { kind: 'voucher', code, voucher };
    const giftCard = this.#deps.store.giftCard(code);
    return giftCard === null ? null : { kind: 'gift-card', code, giftCard };
  }

  #entry(method: 'POST' | 'DELETE', route: CartCodeRoute, cart: Cart, code: string): AuditEntry {
    return { method, resource: route, cartUuid: cart.uuid, cartName: cart.name, code };
  }

  /** Applies the code to one of the customer's carts (§10); the cart after it. */
  add(actor: Actor, uuid: string, code: string, route: CartCodeRoute): Cart {
    return this.#add.immediate(actor, uuid, code, route);
  }

  /** Takes the code out of the cart; `vouchers` refuses one that is not among its vouchers. */
  remove(actor: Actor, uuid: string, code: string, route: CartCodeRoute): void {
    this.#remove.immediate(actor, uuid, code, route);
  }

  /**
   * A use of each voucher an order was placed with (`VoucherCode::useCodes()`): call inside the
   * checkout's transaction, so the order and its count land together.
   */
  countUses(vouchers: readonly Voucher[]): void {
    for (const voucher of vouchers) this.#countUse.run(voucher.id);
  }
}

/** Whether the priced cart shows the code applied: among its vouchers or its gift cards. */
function isApplied(cart: Cart, code: string): boolean {
  const priced = priceCart(cart);
  return (
    priced.vouchers.some((applied) => applied.voucher.code === code) ||
    priced.giftCards.some((applied) => applied.giftCard.code === code)
  );
}
