import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { readSeedCsv } from '../../platform/db';
import type { Page } from '../../platform/jsonapi';
import { salesTimestamp } from '../orders/orders';

/** spryker/customer 7.59.0 `CustomerRestorePasswordMailTypePlugin::MAIL_TYPE`. */
export const RESTORE_PASSWORD_MAIL_TYPE = 'customer restore password';
/**
 * The mail's subject, glossary key `mail.customer.restore_password.subject` in the customer's
 * locale (the B2C demo shop's `data/import/common/common/glossary.csv`).
 */
const RESTORE_PASSWORD_SUBJECTS: Readonly<Record<string, string>> = {
  en_US: 'New password for your Spryker Shop account',
  de_DE: 'Neues Passwort für deinen Spryker Shop Account',
};
/** Store DE's default locale: a customer of no known locale (a generated one) gets it. */
const DEFAULT_LOCALE = 'en_US';
/**
 * `CustomerConstants::BASE_URL_YVES` of the B2C demo shop's EU region (`deploy.dev.yml`
 * `SPRYKER_YVES_HOST_EU`, `config/Shared/config_default.php`).
 */
export const YVES_BASE_URL = 'http://yves.eu.spryker.local';

/**
 * spryker/customer 7.59.0 `CustomerConfig::getCustomerPasswordRestoreTokenUrl()` without a store
 * name (Glue's request names none): `%s/password/restore?token=%s`.
 */
export function restorePasswordLink(key: string): string {
  return `${YVES_BASE_URL}/password/restore?token=${key}`;
}

/** `Customer::generateKey()`: 32 random characters (util-text `generateRandomString(32)`). */
function restorePasswordKey(): string {
  return randomBytes(16).toString('hex');
}

export interface OutboxMail {
  id: number;
  attributes: {
    to: string;
    customerReference: string;
    type: string;
    subject: string;
    restorePasswordKey: string | null;
    restorePasswordLink: string | null;
    createdAt: string;
  };
}

interface OutboxRow {
  id: number;
  recipient: string;
  customer_reference: string;
  type: string;
  subject: string;
  restore_password_key: string | null;
  restore_password_link: string | null;
  created_at: string;
}

function toMail(row: OutboxRow): OutboxMail {
  return {
    id: row.id,
    attributes: {
      to: row.recipient,
      customerReference: row.customer_reference,
      type: row.type,
      subject: row.subject,
      restorePasswordKey: row.restore_password_key,
      restorePasswordLink: row.restore_password_link,
      createdAt: row.created_at,
    },
  };
}

/**
 * The mails the stand-in would send (§13): it sends none, it writes each one here. Spryker's
 * `Customer::sendPasswordRestoreMail()`: a registered e-mail gets a new restore key and the mail
 * with its link; an unknown one nothing at all.
 */
export class MailOutbox {
  readonly #clock: () => number;
  readonly #findCustomer: Database.Statement<
    [string],
    { id: number; reference: string; email: string }
  >;
  readonly #insert: Database.Statement;
  readonly #count: Database.Statement<{ to: string | null }, number>;
  readonly #page: Database.Statement<
    { to: string | null; limit: number; offset: number },
    OutboxRow
  >;
  readonly #locales: ReadonlyMap<string, string>;

  constructor(db: Database.Database, clock: () => number) {
    this.#clock = clock;
    // The e-mail compared as the customers table keeps it, in any letter case (as MySQL's
    // case-insensitive collation of spy_customer.email does).
    this.#findCustomer = db.prepare(
      'SELECT id, customer_reference AS reference, email FROM customers WHERE email = ?',
    );
    this.#insert = db.prepare(
      `INSERT INTO mail_outbox (id_customer, recipient, type, subject, restore_password_key,
         restore_password_link, created_at)
       VALUES (@idCustomer, @recipient, @type, @subject, @key, @link, @createdAt)`,
    );
    const filter = '(@to IS NULL OR m.recipient = @to COLLATE NOCASE)';
    this.#count = db
      .prepare<{ to: string | null }, number>(
        `SELECT count(*) FROM mail_outbox AS m WHERE ${filter}`,
      )
      .pluck();
    this.#page = db.prepare(
      `SELECT m.id, m.recipient, c.customer_reference, m.type, m.subject, m.restore_password_key,
         m.restore_password_link, m.created_at
       FROM mail_outbox AS m JOIN customers AS c ON c.id = m.id_customer
       WHERE ${filter} ORDER BY m.id DESC LIMIT @limit OFFSET @offset`,
    );
    this.#locales = new Map(
      readSeedCsv('customers.csv', ['customer_reference', 'locale_name']).map((record) => [
        record.customer_reference ?? '',
        record.locale_name ?? DEFAULT_LOCALE,
      ]),
    );
  }

  /** The restore mail for the customer of that e-mail; false (nothing written) for no customer. */
  sendPasswordRestoreMail(email: string): boolean {
    const customer = this.#findCustomer.get(email);
    if (customer === undefined) return false;
    const key = restorePasswordKey();
    const locale = this.#locales.get(customer.reference) ?? DEFAULT_LOCALE;
    this.#insert.run({
      idCustomer: customer.id,
      // To the address the shop has, as Spryker's mail takes it from the customer it loaded.
      recipient: customer.email,
      type: RESTORE_PASSWORD_MAIL_TYPE,
      subject: RESTORE_PASSWORD_SUBJECTS[locale] ?? RESTORE_PASSWORD_SUBJECTS[DEFAULT_LOCALE],
      key,
      link: restorePasswordLink(key),
      createdAt: salesTimestamp(this.#clock()),
    });
    return true;
  }

  /** Newest first; `to` (whole, any letter case) filters by recipient. */
  page(to: string | null, page: Page): { total: number; mails: OutboxMail[] } {
    return {
      total: this.#count.get({ to }) ?? 0,
      mails: this.#page.all({ to, limit: page.limit, offset: page.offset }).map(toMail),
    };
  }
}
