import type Database from 'better-sqlite3';

/** A country of a store, keys in the contract's order (§7.1). */
export interface StoreCountry {
  iso2Code: string;
  iso3Code: string;
  name: string;
  postalCodeMandatory: boolean;
  postalCodeRegex: string | null;
  /** Spryker installs no regions for these countries. */
  regions: never[];
}

/**
 * A `stores` resource's attributes as Glue answers them with Dynamic Store on
 * (`DynamicStoreRestAttributes`: no `timeZone`, locales without `code`). `defaultCurrency` and
 * `locales` are the current store's, whichever store the resource is; `currencies` and
 * `countries` its own (stores-rest-api 1.4.0 `StoresResourceMapper`).
 */
export interface StoreAttributes {
  defaultCurrency: string;
  currencies: { code: string; name: string }[];
  locales: { name: string }[];
  countries: StoreCountry[];
}

export interface Store {
  name: string;
  attributes: StoreAttributes;
}

/** What a store's locales are for Accept-Language (§7.2). */
export interface StoreLocales {
  defaultLocale: string;
  /** In the store's order. */
  locales: readonly string[];
}

interface StoreRow {
  name: string;
  defaultCurrency: string;
  currencies: string;
  locales: string;
  countries: string;
}

/**
 * The stores of the region (contract §7.1), read from the database. The request's current store
 * is the one `?_store=` names, else the `Store` header, else the default store
 * (stores-rest-api 1.4.0 `StoreHttpHeaderApplicationPlugin`: a `_store` that PHP reads as false,
 * "" or "0", does not count).
 */
export class Stores {
  readonly #defaultStore: string;
  /** Read once: the seed is all there is, and no request changes a store. */
  readonly #locales: ReadonlyMap<string, StoreLocales>;
  readonly #read: Database.Statement<{ current: string; name: string | null }, StoreRow>;

  constructor(db: Database.Database, defaultStore: string) {
    this.#defaultStore = defaultStore;
    const localeRows = db
      .prepare<[], { store: string; locale: string; isDefault: number }>(
        `SELECT s.name AS store, l.locale, l.locale = s.default_locale AS isDefault
         FROM stores AS s JOIN store_locales AS l ON l.store_id = s.id
         ORDER BY s.id, l.position`,
      )
      .all();
    const locales = new Map<string, { defaultLocale: string; locales: string[] }>();
    for (const row of localeRows) {
      const entry = locales.get(row.store) ?? { defaultLocale: row.locale, locales: [] };
      entry.locales.push(row.locale);
      if (row.isDefault === 1) entry.defaultLocale = row.locale;
      locales.set(row.store, entry);
    }
    if (!locales.has(defaultStore)) {
      throw new Error(`The default store ${defaultStore} is not in the database.`);
    }
    this.#locales = locales;
    // One query for every store asked for, each list in its store's order.
    this.#read = db.prepare(`
      WITH current AS (SELECT id, default_currency FROM stores WHERE name = @current)
      SELECT s.name,
        (SELECT default_currency FROM current) AS defaultCurrency,
        (SELECT json_group_array(json_object('code', c.code, 'name', c.name) ORDER BY sc.position)
          FROM store_currencies AS sc JOIN currencies AS c ON c.code = sc.currency_code
          WHERE sc.store_id = s.id) AS currencies,
        (SELECT json_group_array(json_object('name', l.locale) ORDER BY l.position)
          FROM store_locales AS l WHERE l.store_id = (SELECT id FROM current)) AS locales,
        (SELECT json_group_array(json_object(
            'iso2Code', co.iso2_code,
            'iso3Code', co.iso3_code,
            'name', co.name,
            'postalCodeMandatory', json(iif(co.postal_code_mandatory = 1, 'true', 'false')),
            'postalCodeRegex', co.postal_code_regex,
            'regions', json('[]')) ORDER BY co.id)
          FROM store_countries AS x JOIN countries AS co ON co.id = x.country_id
          WHERE x.store_id = s.id) AS countries
      FROM stores AS s
      WHERE @name IS NULL OR s.name = @name
      ORDER BY s.id`);
  }

  /** The store the request names with `?_store=` or the `Store` header, else the default one. */
  current(requestUrl: string, storeHeader: string | undefined): string {
    const fromQuery = new URL(requestUrl).searchParams.get('_store');
    const named =
      fromQuery !== null && fromQuery !== '' && fromQuery !== '0' ? fromQuery : storeHeader;
    // Spryker has no answer of its own for a store it does not know (its mapper would meet a store
    // without default currency); the stand-in stays with its default store.
    return named !== undefined && this.#locales.has(named) ? named : this.#defaultStore;
  }

  /** The store's locales, for negotiating a request's locale. */
  localesOf(store: string): StoreLocales {
    const locales = this.#locales.get(store) ?? this.#locales.get(this.#defaultStore);
    if (locales === undefined) throw new Error(`No store ${store}.`);
    return locales;
  }

  /** Every store of the region, in import order (DE, then AT). */
  all(current: string): Store[] {
    return this.#read.all({ current, name: null }).map(toStore);
  }

  /** The store with that name (as written: names are upper case), or null. */
  find(name: string, current: string): Store | null {
    const row = this.#read.get({ current, name });
    return row === undefined ? null : toStore(row);
  }
}

function toStore(row: StoreRow): Store {
  return {
    name: row.name,
    attributes: {
      defaultCurrency: row.defaultCurrency,
      currencies: JSON.parse(row.currencies) as StoreAttributes['currencies'],
      locales: JSON.parse(row.locales) as StoreAttributes['locales'],
      countries: JSON.parse(row.countries) as StoreCountry[],
    },
  };
}
