import type Database from 'better-sqlite3';
import { readSeedCsv } from '../../platform/db';
import { propelUuid } from '../../platform/uuid';
import type { AddressFields, AddressRequest } from './address-rules';

/** §8.1's attributes, in the order Glue answers them; every key always there. */
export interface AddressAttributes {
  salutation: string;
  firstName: string;
  lastName: string;
  address1: string;
  address2: string;
  address3: string | null;
  zipCode: string;
  city: string;
  /** The English name of `iso2Code`'s country. */
  country: string;
  iso2Code: string;
  company: string | null;
  phone: string | null;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
}

/** One of a customer's saved addresses. */
export interface CustomerAddress {
  /** Spryker's idCustomerAddress: a customer's addresses are listed in its order. */
  id: number;
  /** The resource id (36 characters). */
  uuid: string;
  attributes: AddressAttributes;
}

/**
 * An `iso2Code` that names no country: Spryker's Zed throws `MissingCountryException` and Glue
 * answers a plain-text 500 (§8.1).
 */
export class MissingCountryError extends Error {
  constructor(iso2Code: string) {
    super(`Country not found for ISO2 code ${JSON.stringify(iso2Code.slice(0, 2))}.`);
    this.name = 'MissingCountryError';
  }
}

interface AddressRow {
  id: number;
  uuid: string;
  salutation: string;
  first_name: string;
  last_name: string;
  address1: string;
  address2: string;
  address3: string | null;
  zip_code: string;
  city: string;
  iso2_code: string;
  company: string | null;
  phone: string | null;
  is_default_shipping: number;
  is_default_billing: number;
}

const COLUMNS = `id, uuid, salutation, first_name, last_name, address1, address2, address3,
  zip_code, city, iso2_code, company, phone, is_default_shipping, is_default_billing`;

let countries: ReadonlyMap<string, string> | null = null;

/**
 * Spryker's countries, ISO2 code → English name, as its country install makes them: every
 * two-letter territory of CLDR 24's `territories.json` with an ISO3 code in `codeMappings.json`,
 * but the blacklisted `EU`, `QO`, `ZZ` (spryker/country 4.4.0 `Install::getCountryList()`,
 * `CountryConfig::getTerritoriesBlacklist()`; seed-data/cldr-countries.csv). The names are CLDR
 * 24's (`Czech Republic`, `Turkey`), not today's.
 */
function sprykerCountries(): ReadonlyMap<string, string> {
  countries ??= new Map(
    readSeedCsv('cldr-countries.csv', ['iso2_code', 'name']).map((record) => [
      record.iso2_code ?? '',
      record.name ?? '',
    ]),
  );
  return countries;
}

/**
 * The country an `iso2Code` names, or null when it names none (`XX`). Zed finds the country in the
 * database, whose MariaDB collation ignores letter case: `de` is Germany, answered as `DE`.
 */
export function countryOf(iso2Code: string): { iso2Code: string; name: string } | null {
  const code = iso2Code.replace(/[a-z]/g, (letter) => letter.toUpperCase());
  const name = sprykerCountries().get(code);
  return name === undefined ? null : { iso2Code: code, name };
}

type Flag = 'is_default_shipping' | 'is_default_billing';

/**
 * A customer's saved addresses (contract §8). Every change is one synchronous better-sqlite3
 * transaction begun IMMEDIATE, so two requests at once cannot both see "no default" and each take
 * it; the partial unique indexes hold at most one default of each kind per customer besides.
 * An address of another customer is not found.
 */
export class CustomerAddresses {
  readonly #clock: () => number;
  readonly #list: Database.Statement<[number], AddressRow>;
  readonly #find: Database.Statement<[number, string], AddressRow>;
  readonly #findById: Database.Statement<[number], AddressRow>;
  readonly #hasDefault: Record<Flag, Database.Statement<[number], number>>;
  readonly #clearDefault: Record<Flag, Database.Statement<[number]>>;
  readonly #setDefault: Record<Flag, Database.Statement<[number]>>;
  readonly #insert: Database.Statement;
  readonly #setUuid: Database.Statement<[string, number]>;
  readonly #update: Database.Statement;
  readonly #delete: Database.Statement<[number, string]>;
  readonly #create: Database.Transaction<
    (idCustomer: number, request: AddressRequest<AddressFields>) => AddressRow
  >;
  readonly #change: Database.Transaction<
    (idCustomer: number, uuid: string, request: AddressRequest) => AddressRow | null
  >;

  constructor(db: Database.Database, clock: () => number) {
    this.#clock = clock;
    this.#list = db.prepare(
      `SELECT ${COLUMNS} FROM customer_addresses WHERE id_customer = ? ORDER BY id`,
    );
    this.#find = db.prepare(
      `SELECT ${COLUMNS} FROM customer_addresses WHERE id_customer = ? AND uuid = ?`,
    );
    this.#findById = db.prepare(`SELECT ${COLUMNS} FROM customer_addresses WHERE id = ?`);
    const perFlag = <T>(make: (flag: Flag) => T): Record<Flag, T> => ({
      is_default_shipping: make('is_default_shipping'),
      is_default_billing: make('is_default_billing'),
    });
    this.#hasDefault = perFlag((flag) =>
      db
        .prepare<[number], number>(
          `SELECT count(*) FROM customer_addresses WHERE id_customer = ? AND ${flag} = 1`,
        )
        .pluck(),
    );
    this.#clearDefault = perFlag((flag) =>
      db.prepare<[number]>(
        `UPDATE customer_addresses SET ${flag} = 0 WHERE id_customer = ? AND ${flag} = 1`,
      ),
    );
    this.#setDefault = perFlag((flag) =>
      db.prepare<[number]>(`UPDATE customer_addresses SET ${flag} = 1 WHERE id = ?`),
    );
    this.#insert = db.prepare(
      `INSERT INTO customer_addresses (uuid, id_customer, salutation, first_name, last_name,
         address1, address2, address3, zip_code, city, iso2_code, company, phone,
         is_default_shipping, is_default_billing, created_at, updated_at)
       VALUES (@uuid, @idCustomer, @salutation, @firstName, @lastName, @address1, @address2,
         @address3, @zipCode, @city, @iso2Code, @company, @phone, 0, 0, @now, @now)`,
    );
    this.#setUuid = db.prepare('UPDATE customer_addresses SET uuid = ? WHERE id = ?');
    // iso2_code is not among them: see `update`.
    this.#update = db.prepare(
      `UPDATE customer_addresses SET salutation = @salutation, first_name = @firstName,
         last_name = @lastName, address1 = @address1, address2 = @address2,
         address3 = @address3, zip_code = @zipCode, city = @city, company = @company,
         phone = @phone, updated_at = @now
       WHERE id = @id`,
    );
    this.#delete = db.prepare('DELETE FROM customer_addresses WHERE id_customer = ? AND uuid = ?');

    this.#create = db.transaction((idCustomer, request) => {
      const now = this.#clock();
      const { lastInsertRowid } = this.#insert.run({
        ...request.fields,
        // Replaced at once by the UUID of the row's id, which is only known now.
        uuid: `new:${idCustomer}:${now}`,
        idCustomer,
        now,
      });
      const id = Number(lastInsertRowid);
      this.#setUuid.run(propelUuid(`customer_address.${id}`), id);
      this.#takeDefaults(idCustomer, id, request);
      return this.#row(id);
    });
    this.#change = db.transaction((idCustomer, uuid, request) => {
      const row = this.#find.get(idCustomer, uuid);
      if (row === undefined) return null;
      const fields = { ...fieldsOf(row), ...request.fields };
      this.#update.run({ ...fields, id: row.id, now: this.#clock() });
      this.#takeDefaults(idCustomer, row.id, request);
      return this.#row(row.id);
    });
  }

  /** §8: the customer's addresses, in the order they were created (`[]` when none). */
  addressesOf(idCustomer: number): CustomerAddress[] {
    return this.#list.all(idCustomer).map((row) => this.#toAddress(row));
  }

  /** §8: one of the customer's addresses by its UUID; null when it is another's or not there. */
  addressById(idCustomer: number, uuid: string): CustomerAddress | null {
    const row = this.#find.get(idCustomer, uuid);
    return row === undefined ? null : this.#toAddress(row);
  }

  /**
   * A new address (POST, §8): the default shipping (billing) address when its flag is `true` or
   * the customer has none. Throws MissingCountryError, changing nothing, for a code of no country.
   */
  create(idCustomer: number, request: AddressRequest<AddressFields>): CustomerAddress {
    const country = countryOf(request.fields.iso2Code);
    if (country === null) throw new MissingCountryError(request.fields.iso2Code);
    const fields = { ...request.fields, iso2Code: country.iso2Code };
    return this.#toAddress(this.#create.immediate(idCustomer, { ...request, fields }));
  }

  /**
   * The address with the fields sent changed, the others kept (PATCH, §8); null when the customer
   * has no address of that UUID. The defaults move as on `create`.
   *
   * `iso2Code` is validated but does not move the address to another country: Spryker's Zed looks
   * the country up only for an address without one (customer 7.59.0 `Address::retrieveFkCountry()`:
   * the address read for the update carries its `fkCountry`), and answers the address as stored.
   */
  update(idCustomer: number, uuid: string, request: AddressRequest): CustomerAddress | null {
    const { iso2Code: _kept, ...fields } = request.fields;
    const row = this.#change.immediate(idCustomer, uuid, { ...request, fields });
    return row === null ? null : this.#toAddress(row);
  }

  /** Deletes the address; false when the customer has none of that UUID. Its defaults go with it. */
  remove(idCustomer: number, uuid: string): boolean {
    return this.#delete.run(idCustomer, uuid).changes > 0;
  }

  /** Spryker's `updateCustomerDefaultAddresses()`: a flag `true`, or no default yet, takes it. */
  #takeDefaults(idCustomer: number, id: number, request: AddressRequest): void {
    const flags: [Flag, boolean | null][] = [
      ['is_default_billing', request.isDefaultBilling],
      ['is_default_shipping', request.isDefaultShipping],
    ];
    for (const [flag, sent] of flags) {
      if (sent !== true && this.#hasDefault[flag].get(idCustomer) !== 0) continue;
      this.#clearDefault[flag].run(idCustomer);
      this.#setDefault[flag].run(id);
    }
  }

  #row(id: number): AddressRow {
    const row = this.#findById.get(id);
    if (row === undefined) throw new Error(`customer address ${id} vanished in its transaction`);
    return row;
  }

  #toAddress(row: AddressRow): CustomerAddress {
    return {
      id: row.id,
      uuid: row.uuid,
      attributes: {
        salutation: row.salutation,
        firstName: row.first_name,
        lastName: row.last_name,
        address1: row.address1,
        address2: row.address2,
        address3: row.address3,
        zipCode: row.zip_code,
        city: row.city,
        // Stored only when it names a country.
        country: countryOf(row.iso2_code)?.name ?? row.iso2_code,
        iso2Code: row.iso2_code,
        company: row.company,
        phone: row.phone,
        isDefaultShipping: row.is_default_shipping === 1,
        isDefaultBilling: row.is_default_billing === 1,
      },
    };
  }
}

function fieldsOf(row: AddressRow): Omit<AddressFields, 'iso2Code'> {
  return {
    salutation: row.salutation,
    firstName: row.first_name,
    lastName: row.last_name,
    address1: row.address1,
    address2: row.address2,
    address3: row.address3,
    zipCode: row.zip_code,
    city: row.city,
    company: row.company,
    phone: row.phone,
  };
}
