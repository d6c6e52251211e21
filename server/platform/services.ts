import type Database from 'better-sqlite3';
import type { ImpersonationAudit } from '../features/agents/audit';
import type { CustomerAddresses } from '../features/addresses/addresses';
import type { CustomerSearch } from '../features/agents/customer-search';
import type { ImpersonationSessions } from '../features/agents/impersonation-sessions';
import type { Lockout } from '../features/agents/lockout';
import type { CartCodes } from '../features/cart-codes/cart-codes';
import type { Carts } from '../features/carts/carts';
import type { Checkout } from '../features/checkout/checkout';
import type { MailOutbox } from '../features/mail/outbox';
import type { Orders } from '../features/orders/orders';
import type { Catalog } from '../features/products/catalog';
import type { Returns } from '../features/returns/returns';
import type { Stores } from '../features/stores/stores';
import type { Wishlists } from '../features/wishlists/wishlists';
import type { GlueConfig } from './config';
import type { Tokens } from './tokens';

/** What every feature's routes get to answer their requests; built once by `createGlue`. */
export interface GlueServices {
  config: GlueConfig;
  db: Database.Database;
  tokens: Tokens;
  lockout: Lockout;
  customerSearch: CustomerSearch;
  catalog: Catalog;
  carts: Carts;
  /** §10: vouchers and gift cards applied to and removed from carts. */
  cartCodes: CartCodes;
  checkout: Checkout;
  orders: Orders;
  audit: ImpersonationAudit;
  impersonationSessions: ImpersonationSessions;
  stores: Stores;
  /** §8: a customer's saved addresses; `addressesOf(idCustomer)`, `addressById(idCustomer, uuid)` read them. */
  addresses: CustomerAddresses;
  /** §13: the mails the stand-in would send, written down instead. */
  outbox: MailOutbox;
  /** §12: the customer's returns of their order items. */
  returns: Returns;
  /** §11: the customers' wishlists and their items. */
  wishlists: Wishlists;
}
