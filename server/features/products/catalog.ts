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

const ABSTRACT_COLUMNS = `a.sku, a.name,
  (SELECT min(c.gross_price) FROM product_concretes AS c WHERE c.abstract_sku = a.sku) AS price`;

/** The products seeded from products.csv (contract §5a); read-only. */
export class Catalog {
  readonly #abstract: Database.Statement<[string], AbstractProduct>;
  readonly #concrete: Database.Statement<[string], ConcreteProduct>;
  readonly #concretesOf: Database.Statement<[string], ConcreteProduct>;
  readonly #suggest: Database.Statement<{ text: string; limit: number }, AbstractProduct>;

  constructor(db: Database.Database) {
    const concreteColumns = `sku, abstract_sku AS abstractSku, name, gross_price AS grossPrice,
      net_price AS netPrice`;
    this.#abstract = db.prepare(`SELECT ${ABSTRACT_COLUMNS} FROM product_abstracts AS a
      WHERE a.sku = ?`);
    this.#concrete = db.prepare(`SELECT ${concreteColumns} FROM product_concretes WHERE sku = ?`);
    this.#concretesOf = db.prepare(`SELECT ${concreteColumns} FROM product_concretes
      WHERE abstract_sku = ? ORDER BY position`);
    // A scan of 60 rows: the demo catalog is small. lower() folds ASCII only, as the names are.
    this.#suggest = db.prepare(`SELECT ${ABSTRACT_COLUMNS} FROM product_abstracts AS a
      WHERE instr(lower(a.name), @text) > 0 OR instr(lower(a.sku), @text) > 0
        OR EXISTS (SELECT 1 FROM product_concretes AS c
          WHERE c.abstract_sku = a.sku AND instr(lower(c.sku), @text) > 0)
      ORDER BY a.position LIMIT @limit`);
  }

  abstractProduct(sku: string): AbstractProduct | null {
    return this.#abstract.get(sku) ?? null;
  }

  concreteProduct(sku: string): ConcreteProduct | null {
    return this.#concrete.get(sku) ?? null;
  }

  concreteProductsOf(abstractSku: string): ConcreteProduct[] {
    return this.#concretesOf.all(abstractSku);
  }

  /**
   * Abstract products whose name, abstract SKU or one of whose concrete SKUs contains `text`, in
   * any letter case, in catalog order. Blank text finds nothing.
   */
  suggest(text: string, limit = SUGGESTION_LIMIT): AbstractProduct[] {
    const needle = text.trim().toLowerCase();
    if (needle === '') return [];
    return this.#suggest.all({ text: needle, limit });
  }
}
