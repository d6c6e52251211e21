import type Database from 'better-sqlite3';

export interface AbstractProduct {
  sku: string;
  name: string;
  /** The lowest DEFAULT gross price of its concrete products: its "from" price, in cents. */
  price: number;
}

export interface ConcreteProduct {
  sku: string;
  abstractSku: string;
  name: string;
  grossPrice: number;
  /** Null where the demo data has no net price (all of it, today). */
  netPrice: number | null;
}

/**
 * An abstract product's storefront URL as the demo shop's importer writes it: the English name
 * as a slug, then the product's id, which in the demo data is its numeric SKU (`005` → 5).
 */
export function abstractProductUrl(product: Pick<AbstractProduct, 'sku' | 'name'>): string {
  const slug = product.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const id = /^\d+$/.test(product.sku) ? String(Number(product.sku)) : product.sku.toLowerCase();
  return `/en/${slug}-${id}`;
}

/** How many abstract products (and names) a suggestion answers at most. */
export const SUGGESTION_LIMIT = 10;

// Names in the request's locale (§7.2), the catalog's own where the locale has none.
const ABSTRACT_COLUMNS = `a.sku, coalesce(an.name, a.name) AS name,
  (SELECT min(c.gross_price) FROM product_concretes AS c WHERE c.abstract_sku = a.sku) AS price`;
const ABSTRACT_FROM = `product_abstracts AS a
  LEFT JOIN product_abstract_names AS an ON an.sku = a.sku AND an.locale = @locale`;
const CONCRETE_COLUMNS = `c.sku, c.abstract_sku AS abstractSku, coalesce(cn.name, c.name) AS name,
  c.gross_price AS grossPrice, c.net_price AS netPrice`;
const CONCRETE_NAME =
  'LEFT JOIN product_concrete_names AS cn ON cn.sku = c.sku AND cn.locale = @locale';
const CONCRETE_FROM = `product_concretes AS c ${CONCRETE_NAME}`;

/** The products seeded from products.csv (contract §5a), named in a locale; read-only. */
export class Catalog {
  readonly #abstract: Database.Statement<{ sku: string; locale: string }, AbstractProduct>;
  readonly #concrete: Database.Statement<{ sku: string; locale: string }, ConcreteProduct>;
  readonly #concretes: Database.Statement<{ skus: string; locale: string }, ConcreteProduct>;
  readonly #concretesOf: Database.Statement<{ sku: string; locale: string }, ConcreteProduct>;
  readonly #suggest: Database.Statement<
    { text: string; limit: number; locale: string },
    AbstractProduct
  >;

  constructor(db: Database.Database) {
    this.#abstract = db.prepare(`SELECT ${ABSTRACT_COLUMNS} FROM ${ABSTRACT_FROM}
      WHERE a.sku = @sku`);
    this.#concrete = db.prepare(`SELECT ${CONCRETE_COLUMNS} FROM ${CONCRETE_FROM}
      WHERE c.sku = @sku`);
    // Several SKUs in one query, in the order given (a JSON list of them).
    this.#concretes = db.prepare(`SELECT ${CONCRETE_COLUMNS}
      FROM json_each(@skus) AS j JOIN product_concretes AS c ON c.sku = j.value ${CONCRETE_NAME}
      ORDER BY j.key`);
    this.#concretesOf = db.prepare(`SELECT ${CONCRETE_COLUMNS} FROM ${CONCRETE_FROM}
      WHERE c.abstract_sku = @sku ORDER BY c.position`);
    // A scan of 60 rows: the demo catalog is small. lower() folds ASCII only, as the names are.
    this.#suggest = db.prepare(`SELECT ${ABSTRACT_COLUMNS} FROM ${ABSTRACT_FROM}
      WHERE instr(lower(coalesce(an.name, a.name)), @text) > 0 OR instr(lower(a.sku), @text) > 0
        OR EXISTS (SELECT 1 FROM product_concretes AS c
          WHERE c.abstract_sku = a.sku AND instr(lower(c.sku), @text) > 0)
      ORDER BY a.position LIMIT @limit`);
  }

  abstractProduct(sku: string, locale: string): AbstractProduct | null {
    return this.#abstract.get({ sku, locale }) ?? null;
  }

  concreteProduct(sku: string, locale: string): ConcreteProduct | null {
    return this.#concrete.get({ sku, locale }) ?? null;
  }

  /**
   * The concrete products with these SKUs, in one query, once each, in the order first named;
   * a SKU the catalog does not have is left out.
   */
  concreteProducts(skus: readonly string[], locale: string): ConcreteProduct[] {
    if (skus.length === 0) return [];
    return this.#concretes.all({ skus: JSON.stringify([...new Set(skus)]), locale });
  }

  concreteProductsOf(abstractSku: string, locale: string): ConcreteProduct[] {
    return this.#concretesOf.all({ sku: abstractSku, locale });
  }

  /**
   * Abstract products whose name in the locale, abstract SKU or one of whose concrete SKUs
   * contains `text`, in any letter case, in catalog order. Blank text finds nothing.
   */
  suggest(text: string, locale: string, limit = SUGGESTION_LIMIT): AbstractProduct[] {
    const needle = text.trim().toLowerCase();
    if (needle === '') return [];
    return this.#suggest.all({ text: needle, limit, locale });
  }
}
