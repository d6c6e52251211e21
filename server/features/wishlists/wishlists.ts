import type Database from 'better-sqlite3';
import { Errors, GlueError } from '../../platform/errors';
import { propelUuid } from '../../platform/uuid';
import type { Actor, AuditEntry, ImpersonationAudit } from '../agents/audit';

/** §11's wishlist attributes, in the order Glue answers them. */
export interface WishlistAttributes {
  name: string;
  numberOfItems: number;
  createdAt: string;
  updatedAt: string;
}

export interface Wishlist {
  uuid: string;
  attributes: WishlistAttributes;
  /** Its items' SKUs, in the order added; null where Spryker does not read them (a list). */
  items: string[] | null;
}

/** wishlist 8.9.0 `Writer::WISH_LIST_NAME_VALIDATION_REGEX`, tried on the trimmed name. */
const NAME_PATTERN = /^[ A-Za-z0-9_-]+$/;

interface WishlistRow {
  id: number;
  uuid: string;
  name: string;
  created_at: string;
  updated_at: string;
  number_of_items: number;
}

const COLUMNS = `w.id, w.uuid, w.name, w.created_at, w.updated_at,
  (SELECT count(*) FROM wishlist_items AS i WHERE i.id_wishlist = w.id) AS number_of_items`;

/**
 * Spryker's timestampable columns as Glue answers them: `2018-08-17 10:04:35.311557`, in UTC
 * (the shop's Zed runs in UTC); the clock has milliseconds, so the last three digits are 0.
 */
export function wishlistTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

/**
 * Two names the same for the unique check as MariaDB's `utf8mb4_general_ci` compares them in
 * `Writer::checkWishlistUniqueName()`: letter case and accents ignored, trailing spaces too.
 */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ +$/, '');
}

/**
 * The customers' wishlists (§11). Every change is one synchronous better-sqlite3 transaction begun
 * IMMEDIATE: two requests at once cannot both find a name free, nor add to a wishlist the other
 * is deleting. A wishlist of another customer is not found. A change through an impersonation
 * token is recorded in the audit trail inside its transaction.
 */
export class Wishlists {
  readonly #db: Database.Database;
  readonly #audit: ImpersonationAudit;
  readonly #clock: () => number;
  readonly #list: Database.Statement<[number], WishlistRow>;
  readonly #find: Database.Statement<[number, string], WishlistRow>;
  readonly #names: Database.Statement<[number], { id: number; name: string }>;
  readonly #items: Database.Statement<[number], string>;
  readonly #productExists: Database.Statement<[string], number>;

  constructor(db: Database.Database, audit: ImpersonationAudit, clock: () => number) {
    this.#db = db;
    this.#audit = audit;
    this.#clock = clock;
    this.#list = db.prepare(
      `SELECT ${COLUMNS} FROM wishlists AS w WHERE w.id_customer = ? ORDER BY w.id`,
    );
    this.#find = db.prepare(
      `SELECT ${COLUMNS} FROM wishlists AS w WHERE w.id_customer = ? AND w.uuid = ?`,
    );
    this.#names = db.prepare('SELECT id, name FROM wishlists WHERE id_customer = ?');
    this.#items = db
      .prepare<[number], string>('SELECT sku FROM wishlist_items WHERE id_wishlist = ? ORDER BY id')
      .pluck();
    this.#productExists = db
      .prepare<[string], number>('SELECT count(*) FROM product_concretes WHERE sku = ?')
      .pluck();
  }

  /** `GET /wishlists`: the customer's wishlists by id, without their items (as Spryker reads them). */
  wishlistsOf(idCustomer: number): Wishlist[] {
    return this.#list.all(idCustomer).map((row) => toWishlist(row, null));
  }

  /** `GET /wishlists/{id}`: one of the customer's wishlists with its items; null when none. */
  wishlist(idCustomer: number, uuid: string): Wishlist | null {
    const row = this.#find.get(idCustomer, uuid);
    return row === undefined ? null : toWishlist(row, this.#items.all(row.id));
  }

  /** `POST /wishlists` after validation: blank/length (901) were checked by the route. */
  create(actor: Actor, name: string, entry: AuditEntry): Wishlist {
    return this.#db
      .transaction(() => {
        if (this.#nameTaken(actor.idCustomer, name, null)) {
          throw new GlueError(Errors.wishlistNameExistsOnCreate);
        }
        if (!NAME_PATTERN.test(name.trim()))
          throw new GlueError(Errors.wishlistNameInvalidOnCreate);
        const now = wishlistTimestamp(this.#clock());
        const { lastInsertRowid } = this.#db
          .prepare(
            `INSERT INTO wishlists (uuid, id_customer, name, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?)`,
          )
          .run(`new:${actor.idCustomer}:${now}`, actor.idCustomer, name, now, now);
        const id = Number(lastInsertRowid);
        const uuid = propelUuid(`wishlist.${actor.idCustomer}.${id}`);
        this.#db.prepare('UPDATE wishlists SET uuid = ? WHERE id = ?').run(uuid, id);
        Object.assign(entry, { wishlistUuid: uuid, wishlistName: name });
        this.#audit.recordSuccess(actor, entry, 201);
        return this.#read(actor.idCustomer, uuid, false);
      })
      .immediate();
  }

  /**
   * `PATCH /wishlists/{id}`: the wishlist, then the duplicate, then the characters. A PATCH
   * without `name` changes nothing but the update time (Spryker saves the wishlist as it was).
   */
  rename(actor: Actor, uuid: string, name: string | null, entry: AuditEntry): Wishlist {
    return this.#db
      .transaction(() => {
        const row = this.#find.get(actor.idCustomer, uuid);
        if (row === undefined) throw new GlueError(Errors.wishlistNotFound);
        entry.wishlistName = row.name;
        const newName = name ?? row.name;
        if (this.#nameTaken(actor.idCustomer, newName, row.id)) {
          throw new GlueError(Errors.wishlistNameExistsOnUpdate);
        }
        if (!NAME_PATTERN.test(newName.trim())) {
          throw new GlueError(Errors.wishlistNameInvalidOnUpdate);
        }
        this.#db
          .prepare('UPDATE wishlists SET name = ?, updated_at = ? WHERE id = ?')
          .run(newName, wishlistTimestamp(this.#clock()), row.id);
        entry.wishlistName = newName;
        this.#audit.recordSuccess(actor, entry, 200);
        return this.#read(actor.idCustomer, uuid, false);
      })
      .immediate();
  }

  /** `DELETE /wishlists/{id}`: the wishlist and its items. */
  remove(actor: Actor, uuid: string, entry: AuditEntry): void {
    this.#db
      .transaction(() => {
        const row = this.#find.get(actor.idCustomer, uuid);
        if (row === undefined) throw new GlueError(Errors.wishlistNotFound);
        entry.wishlistName = row.name;
        this.#db.prepare('DELETE FROM wishlist_items WHERE id_wishlist = ?').run(row.id);
        this.#db.prepare('DELETE FROM wishlists WHERE id = ?').run(row.id);
        this.#audit.recordSuccess(actor, entry, 204);
      })
      .immediate();
  }

  /**
   * `POST /wishlists/{id}/wishlist-items`: every failure is 206 (an unknown or another's
   * wishlist, a SKU that is no concrete product). A SKU already there is answered as it is.
   */
  addItem(actor: Actor, uuid: string, sku: string, entry: AuditEntry): string {
    return this.#db
      .transaction(() => {
        const row = this.#find.get(actor.idCustomer, uuid);
        if (row === undefined) throw new GlueError(Errors.wishlistCantAddItem);
        entry.wishlistName = row.name;
        if (this.#productExists.get(sku) === 0) throw new GlueError(Errors.wishlistCantAddItem);
        this.#db
          .prepare(
            `INSERT INTO wishlist_items (id_wishlist, sku, created_at) VALUES (?, ?, ?)
             ON CONFLICT (id_wishlist, sku) DO NOTHING`,
          )
          .run(row.id, sku, wishlistTimestamp(this.#clock()));
        this.#audit.recordSuccess(actor, entry, 201);
        return sku;
      })
      .immediate();
  }

  /** `DELETE /wishlists/{id}/wishlist-items/{sku}`: 201 for the wishlist, then 208 for the item. */
  removeItem(actor: Actor, uuid: string, sku: string, entry: AuditEntry): void {
    this.#db
      .transaction(() => {
        const row = this.#find.get(actor.idCustomer, uuid);
        if (row === undefined) throw new GlueError(Errors.wishlistNotFound);
        entry.wishlistName = row.name;
        const { changes } = this.#db
          .prepare('DELETE FROM wishlist_items WHERE id_wishlist = ? AND sku = ?')
          .run(row.id, sku);
        if (changes === 0) throw new GlueError(Errors.wishlistItemNotFound);
        this.#audit.recordSuccess(actor, entry, 204);
      })
      .immediate();
  }

  #nameTaken(idCustomer: number, name: string, exceptId: number | null): boolean {
    const key = nameKey(name);
    return this.#names
      .all(idCustomer)
      .some((other) => other.id !== exceptId && nameKey(other.name) === key);
  }

  #read(idCustomer: number, uuid: string, withItems: boolean): Wishlist {
    const row = this.#find.get(idCustomer, uuid);
    if (row === undefined) throw new Error(`wishlist ${uuid} vanished in its transaction`);
    return toWishlist(row, withItems ? this.#items.all(row.id) : null);
  }
}

function toWishlist(row: WishlistRow, items: string[] | null): Wishlist {
  return {
    uuid: row.uuid,
    attributes: {
      name: row.name,
      numberOfItems: row.number_of_items,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
    items,
  };
}
