import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Actor, AuditEntry, ImpersonationAudit } from '../agents/audit';
import type { CartCode, CartCodeStore } from '../cart-codes/cart-codes';
import { Errors, GlueError, productNotFound } from '../../platform/errors';
import type { PriceMode } from '../../platform/pricing';

/** A cart line may hold at most this many units; more is 113 (add) or 114 (update). */
export const MAX_ITEM_QUANTITY = 1_000_000;
/** The name of a cart created without one. */
export const DEFAULT_CART_NAME = 'Shopping cart';

export interface CartItem {
  sku: string;
  abstractSku: string;
  quantity: number;
  /** The product's DEFAULT gross price now: carts are priced when read. */
  grossPrice: number;
}

export interface Cart {
  uuid: string;
  name: string;
  isDefault: boolean;
  priceMode: PriceMode;
  currency: string;
  store: string;
  /** In the order they were first added. */
  items: CartItem[];
  /** The vouchers and gift cards it holds (§10), in the order they were added. */
  codes: CartCode[];
  /** When it was read (ms since the epoch): what applies of its codes depends on the time. */
  readAt: number;
}

export interface NewCart {
  name: string;
  priceMode: PriceMode;
  currency: string;
  store: string;
}

interface CartRow {
  id: number;
  uuid: string;
  name: string;
  price_mode: PriceMode;
  currency: string;
  store: string;
  is_default: number;
}

interface ItemRow {
  cart_id: number;
  sku: string;
  abstract_sku: string;
  quantity: number;
  gross_price: number;
}

const CART_COLUMNS = 'id, uuid, name, price_mode, currency, store, is_default';
const ITEM_COLUMNS = `i.cart_id, i.sku, p.abstract_sku, i.quantity, p.gross_price
  FROM cart_items AS i JOIN product_concretes AS p ON p.sku = i.sku`;

function toItem(row: ItemRow): CartItem {
  return {
    sku: row.sku,
    abstractSku: row.abstract_sku,
    quantity: row.quantity,
    grossPrice: row.gross_price,
  };
}

function toCart(row: CartRow, items: ItemRow[], codes: CartCode[], readAt: number): Cart {
  return {
    uuid: row.uuid,
    name: row.name,
    isDefault: row.is_default === 1,
    priceMode: row.price_mode,
    currency: row.currency,
    store: row.store,
    items: items.map(toItem),
    codes,
    readAt,
  };
}

/**
 * A customer's carts (contract §5). Every change is one synchronous better-sqlite3 transaction
 * that reads, checks and writes with no await inside, begun IMMEDIATE so another process's
 * writer waits too: two requests changing one cart at once both count, and a change that fails
 * (a GlueError thrown inside) rolls back entirely. A cart of another customer is not found (101).
 * With an impersonation token each change is written to the audit trail in the same transaction.
 */
export class Carts {
  readonly #audit: ImpersonationAudit;
  readonly #clock: () => number;
  readonly #codes: CartCodeStore;
  readonly #cartsOf: Database.Statement<[number], CartRow>;
  readonly #cart: Database.Statement<[string, number], CartRow>;
  readonly #itemsOfCustomer: Database.Statement<[number], ItemRow>;
  readonly #itemsOfCart: Database.Statement<[number], ItemRow>;
  readonly #item: Database.Statement<[number, string], { quantity: number }>;
  readonly #product: Database.Statement<[string], { sku: string }>;
  readonly #hasDefault: Database.Statement<[number], number>;
  readonly #insertCart: Database.Statement;
  readonly #deleteCart: Database.Statement;
  readonly #promoteOldest: Database.Statement;
  readonly #touchCart: Database.Statement;
  readonly #upsertItem: Database.Statement;
  readonly #setQuantity: Database.Statement;
  readonly #deleteItem: Database.Statement;
  readonly #list: (idCustomer: number) => Cart[];
  readonly #get: (idCustomer: number, uuid: string) => Cart;
  readonly #create: Database.Transaction<(actor: Actor, cart: NewCart) => Cart>;
  readonly #delete: Database.Transaction<(actor: Actor, uuid: string) => void>;
  readonly #addItem: Database.Transaction<
    (actor: Actor, uuid: string, sku: string, quantity: number) => Cart
  >;
  readonly #updateItem: Database.Transaction<
    (actor: Actor, uuid: string, sku: string, quantity: number) => Cart
  >;
  readonly #removeItem: Database.Transaction<(actor: Actor, uuid: string, sku: string) => void>;

  constructor(
    db: Database.Database,
    audit: ImpersonationAudit,
    clock: () => number,
    codes: CartCodeStore,
  ) {
    this.#audit = audit;
    this.#clock = clock;
    this.#codes = codes;
    this.#cartsOf = db.prepare(
      `SELECT ${CART_COLUMNS} FROM carts WHERE id_customer = ? ORDER BY id`,
    );
    this.#cart = db.prepare(`SELECT ${CART_COLUMNS} FROM carts WHERE uuid = ? AND id_customer = ?`);
    this.#itemsOfCustomer = db.prepare(
      `SELECT ${ITEM_COLUMNS} JOIN carts AS c ON c.id = i.cart_id WHERE c.id_customer = ?
       ORDER BY i.id`,
    );
    this.#itemsOfCart = db.prepare(`SELECT ${ITEM_COLUMNS} WHERE i.cart_id = ? ORDER BY i.id`);
    this.#item = db.prepare('SELECT quantity FROM cart_items WHERE cart_id = ? AND sku = ?');
    this.#product = db.prepare('SELECT sku FROM product_concretes WHERE sku = ?');
    this.#hasDefault = db
      .prepare<[number], number>(
        'SELECT count(*) FROM carts WHERE id_customer = ? AND is_default = 1',
      )
      .pluck();
    this.#insertCart = db.prepare(
      `INSERT INTO carts (uuid, id_customer, name, price_mode, currency, store, is_default,
         created_at, updated_at)
       VALUES (@uuid, @idCustomer, @name, @priceMode, @currency, @store, @isDefault, @now, @now)`,
    );
    this.#deleteCart = db.prepare('DELETE FROM carts WHERE id = ?');
    this.#promoteOldest = db.prepare(
      `UPDATE carts SET is_default = 1
       WHERE id = (SELECT id FROM carts WHERE id_customer = ? ORDER BY id LIMIT 1)`,
    );
    this.#touchCart = db.prepare('UPDATE carts SET updated_at = ? WHERE id = ?');
    this.#upsertItem = db.prepare(
      `INSERT INTO cart_items (cart_id, sku, quantity) VALUES (@cartId, @sku, @quantity)
       ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = excluded.quantity`,
    );
    this.#setQuantity = db.prepare(
      'UPDATE cart_items SET quantity = ? WHERE cart_id = ? AND sku = ?',
    );
    this.#deleteItem = db.prepare('DELETE FROM cart_items WHERE cart_id = ? AND sku = ?');

    // Reads in a transaction too, so a cart and its items come from one snapshot.
    this.#list = db.transaction((idCustomer: number) => {
      const items = this.#itemsOfCustomer.all(idCustomer);
      const rows = this.#cartsOf.all(idCustomer);
      const codes = this.#codes.codesOf(rows.map((row) => row.id));
      const readAt = this.#clock();
      return rows.map((row) =>
        toCart(
          row,
          items.filter((item) => item.cart_id === row.id),
          codes.get(row.id) ?? [],
          readAt,
        ),
      );
    });
    this.#get = db.transaction((idCustomer: number, uuid: string) =>
      this.#read(this.#find(idCustomer, uuid)),
    );
    this.#create = db.transaction((actor: Actor, cart: NewCart) => {
      const isDefault = this.#hasDefault.get(actor.idCustomer) === 0;
      const uuid = randomUUID();
      this.#insertCart.run({
        uuid,
        idCustomer: actor.idCustomer,
        ...cart,
        isDefault: isDefault ? 1 : 0,
        now: this.#now(),
      });
      this.#audit.recordSuccess(
        actor,
        { method: 'POST', resource: 'carts', cartUuid: uuid, cartName: cart.name },
        201,
      );
      return this.#read(this.#find(actor.idCustomer, uuid));
    });
    this.#delete = db.transaction((actor: Actor, uuid: string) => {
      const cart = this.#find(actor.idCustomer, uuid);
      this.#remove(actor.idCustomer, cart);
      this.#audit.recordSuccess(
        actor,
        { method: 'DELETE', resource: 'carts', cartUuid: uuid, cartName: cart.name },
        204,
      );
    });
    this.#addItem = db.transaction((actor: Actor, uuid: string, sku: string, quantity: number) => {
      const cart = this.#find(actor.idCustomer, uuid);
      if (this.#product.get(sku) === undefined) throw new GlueError(productNotFound(sku));
      const before = this.#item.get(cart.id, sku)?.quantity ?? null;
      const after = (before ?? 0) + quantity;
      if (after > MAX_ITEM_QUANTITY) throw new GlueError(Errors.cartItemCouldNotBeAdded);
      this.#upsertItem.run({ cartId: cart.id, sku, quantity: after });
      this.#touchCart.run(this.#now(), cart.id);
      this.#audit.recordSuccess(actor, this.#itemEntry('POST', cart, sku, before, after), 201);
      return this.#read(cart);
    });
    this.#updateItem = db.transaction(
      (actor: Actor, uuid: string, sku: string, quantity: number) => {
        const cart = this.#find(actor.idCustomer, uuid);
        const before = this.#item.get(cart.id, sku)?.quantity;
        if (before === undefined) throw new GlueError(Errors.itemNotFound);
        if (quantity > MAX_ITEM_QUANTITY) throw new GlueError(Errors.cartItemCouldNotBeUpdated);
        this.#setQuantity.run(quantity, cart.id, sku);
        this.#touchCart.run(this.#now(), cart.id);
        this.#audit.recordSuccess(
          actor,
          this.#itemEntry('PATCH', cart, sku, before, quantity),
          200,
        );
        return this.#read(cart);
      },
    );
    this.#removeItem = db.transaction((actor: Actor, uuid: string, sku: string) => {
      const cart = this.#find(actor.idCustomer, uuid);
      const before = this.#item.get(cart.id, sku)?.quantity;
      if (before === undefined) throw new GlueError(Errors.itemNotFound);
      this.#deleteItem.run(cart.id, sku);
      this.#touchCart.run(this.#now(), cart.id);
      this.#audit.recordSuccess(actor, this.#itemEntry('DELETE', cart, sku, before, null), 204);
    });
  }

  #now(): number {
    return Math.floor(this.#clock() / 1000);
  }

  #find(idCustomer: number, uuid: string): CartRow {
    const row = this.#cart.get(uuid, idCustomer);
    if (row === undefined) throw new GlueError(Errors.cartNotFound);
    return row;
  }

  #read(row: CartRow): Cart {
    const codes = this.#codes.codesOf([row.id]).get(row.id) ?? [];
    return toCart(row, this.#itemsOfCart.all(row.id), codes, this.#clock());
  }

  #remove(idCustomer: number, cart: CartRow): void {
    this.#deleteCart.run(cart.id);
    // The oldest remaining cart becomes the default when the default one goes.
    if (cart.is_default === 1) this.#promoteOldest.run(idCustomer);
  }

  #itemEntry(
    method: AuditEntry['method'],
    cart: CartRow,
    sku: string,
    quantityBefore: number | null,
    quantityAfter: number | null,
  ): AuditEntry {
    return {
      method,
      resource: 'items',
      cartUuid: cart.uuid,
      cartName: cart.name,
      sku,
      quantityBefore,
      quantityAfter,
    };
  }

  /** The customer's carts, oldest first. */
  list(idCustomer: number): Cart[] {
    return this.#list(idCustomer);
  }

  /** One of the customer's carts; 101 for an unknown cart or another customer's. */
  get(idCustomer: number, uuid: string): Cart {
    return this.#get(idCustomer, uuid);
  }

  /**
   * One of the customer's carts, or null for an unknown one or another customer's: for checkout,
   * which reads it inside its own transaction (§9.5's 1103).
   */
  find(idCustomer: number, uuid: string): Cart | null {
    const row = this.#cart.get(uuid, idCustomer);
    return row === undefined ? null : this.#read(row);
  }

  /**
   * Deletes the cart an order was just placed from (§9.4), as DELETE /carts/{id} does, inside the
   * checkout's transaction; the checkout records it in the audit trail, as one change. False
   * when the cart is no longer there.
   */
  removeOrdered(idCustomer: number, uuid: string): boolean {
    const row = this.#cart.get(uuid, idCustomer);
    if (row === undefined) return false;
    this.#remove(idCustomer, row);
    return true;
  }

  /** A new cart; the customer's first (or only) cart is their default one. */
  create(actor: Actor, cart: NewCart): Cart {
    return this.#create.immediate(actor, cart);
  }

  delete(actor: Actor, uuid: string): void {
    this.#delete.immediate(actor, uuid);
  }

  /** Adds `quantity` units of the concrete product, to the line it already has if any. */
  addItem(actor: Actor, uuid: string, sku: string, quantity: number): Cart {
    return this.#addItem.immediate(actor, uuid, sku, quantity);
  }

  /** Sets the quantity of a line the cart has (103 when it has none). */
  updateItem(actor: Actor, uuid: string, sku: string, quantity: number): Cart {
    return this.#updateItem.immediate(actor, uuid, sku, quantity);
  }

  removeItem(actor: Actor, uuid: string, sku: string): void {
    this.#removeItem.immediate(actor, uuid, sku);
  }
}
