import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { orderReference } from './demo-orders';
import type { OrderAddress } from './demo-orders';
import type { Page } from '../../platform/jsonapi';
import { TAX_RATE, phpRound, taxShareOfGross } from '../../platform/pricing';
import type { PriceMode } from '../../platform/pricing';

export const SHIPMENT_EXPENSE_TYPE = 'SHIPMENT_EXPENSE_TYPE';
/** The sales tables hold tax rates as decimals, which Glue passes on as text (§9.4). */
const TAX_RATE_DECIMAL = TAX_RATE.toFixed(2);
/** §12: items in these states can be returned while the order is young enough. */
const RETURNABLE_STATES: ReadonlySet<string> = new Set(['shipped', 'delivered']);
/** spryker/sales-return's global returnable number of days (§12). */
export const RETURNABLE_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;
/**
 * Every demo order was paid by invoice: the demo shop's dummy payment (demo-data's
 * payment-methods.csv), named as the console's checkout request names it (§9.1, §9.4).
 */
const DEMO_PAYMENT = { paymentProvider: 'DummyPayment', paymentMethod: 'Invoice' } as const;
/** A gift card's payment of an order (spryker/gift-card 1.10.0 `GiftCardConfig`, §10). */
const GIFT_CARD_PAYMENT = { paymentProvider: 'GiftCard', paymentMethod: 'GiftCard' } as const;
/** What an order placed through checkout starts in (§9.4): the settled state of DummyPayment01. */
export const PLACED_ITEM_STATE = 'payment pending';
/** spryker/sales-quantity, as the demo shop configures it: lines below 10 are split into units. */
export const ITEM_SPLIT_THRESHOLD = 10;

/** An order's `totals`, key order as Glue's. */
export interface OrderTotals {
  expenseTotal: number;
  discountTotal: number;
  taxTotal: number;
  subtotal: number;
  grandTotal: number;
  canceledTotal: number;
  /** What returns paid back: the demo data holds no returns. */
  remunerationTotal: number;
}

/**
 * An order item: the first eight keys in the contract's order (§5), then the rest of
 * RestOrderItemsAttributes in the order Spryker's "Retrieve orders" sample shows.
 */
export interface OrderItemAttributes {
  name: string;
  sku: string;
  quantity: number;
  unitGrossPrice: number;
  sumGrossPrice: number;
  unitPrice: number;
  sumPrice: number;
  state: string;
  taxRate: string;
  unitNetPrice: number;
  sumNetPrice: number;
  unitTaxAmountFullAggregation: number;
  sumTaxAmountFullAggregation: number;
  refundableAmount: number;
  canceledAmount: number;
  sumSubtotalAggregation: number;
  unitSubtotalAggregation: number;
  unitProductOptionPriceAggregation: number;
  sumProductOptionPriceAggregation: number;
  unitExpensePriceAggregation: number;
  sumExpensePriceAggregation: null;
  unitDiscountAmountAggregation: number;
  sumDiscountAmountAggregation: number;
  unitDiscountAmountFullAggregation: number;
  sumDiscountAmountFullAggregation: number;
  unitPriceToPayAggregation: number;
  sumPriceToPayAggregation: number;
  taxRateAverageAggregation: string;
  taxAmountAfterCancellation: null;
  orderReference: null;
  uuid: string;
  isReturnable: boolean;
  idShipment: number;
  bundleItemIdentifier: null;
  relatedBundleItemIdentifier: null;
  salesOrderConfiguredBundle: null;
  salesOrderConfiguredBundleItem: null;
  salesOrderItemConfiguration: null;
  metadata: { superAttributes: []; image: null };
  calculatedDiscounts: RestCalculatedDiscount[];
  productOptions: [];
}

/**
 * A discount an order item was placed with (`RestCalculatedDiscount`), as Spryker's
 * `DiscountOrderHydrate` reads it back: the item's share, its unit amount = share / quantity.
 */
export interface RestCalculatedDiscount {
  unitAmount: number;
  sumAmount: number;
  displayName: string;
  description: string;
  voucherCode: string | null;
  quantity: number;
}

/** The order's discounts grouped by display name: no unit amount, the items' quantities added. */
export interface OrderCalculatedDiscount extends Omit<RestCalculatedDiscount, 'unitAmount'> {
  unitAmount: null;
}

/** An expense, in the key order of §9.4. */
export interface OrderExpenseAttributes {
  type: string;
  name: string;
  sumPrice: number;
  unitGrossPrice: number;
  sumGrossPrice: number;
  taxRate: string;
  unitNetPrice: number;
  sumNetPrice: number;
  canceledAmount: number | null;
  unitDiscountAmountAggregation: null;
  sumDiscountAmountAggregation: null;
  unitTaxAmount: number;
  sumTaxAmount: number;
  unitPriceToPayAggregation: number;
  sumPriceToPayAggregation: number;
  taxAmountAfterCancellation: null;
  idShipment: number;
  idSalesExpense: number;
}

/** An order address as Glue answers it (§9.4): every field, null where the order has none. */
export interface RestOrderAddress {
  salutation: string | null;
  firstName: string;
  middleName: null;
  lastName: string;
  address1: string;
  address2: string;
  address3: string | null;
  company: string | null;
  city: string;
  zipCode: string;
  poBox: null;
  phone: string | null;
  cellPhone: null;
  description: null;
  comment: null;
  email: null;
  country: string;
  iso2Code: string;
}

export interface OrderShipment {
  shipmentMethodName: string;
  carrierName: string;
  deliveryTime: null;
  defaultGrossPrice: number;
  defaultNetPrice: number;
  currencyIsoCode: string;
}

export interface OrderPayment {
  amount: number;
  paymentProvider: string;
  paymentMethod: string;
}

export interface OrderSummary {
  reference: string;
  createdAt: string;
  currencyIsoCode: string;
  priceMode: string;
  totals: OrderTotals;
}

export interface OrderDetail extends OrderSummary {
  /** By display name, as Glue answers it (an object); `[]` when the order had no discount. */
  calculatedDiscounts: Record<string, OrderCalculatedDiscount> | [];
  itemStates: string[];
  billingAddress: RestOrderAddress;
  shippingAddress: RestOrderAddress;
  items: OrderItemAttributes[];
  expenses: OrderExpenseAttributes[];
  payments: OrderPayment[];
  shipments: OrderShipment[];
}

interface OrderRow {
  id: number;
  order_reference: string;
  created_at: string;
  currency: string;
  price_mode: string;
  shipment_method: string;
  shipment_carrier: string;
  shipment_price: number;
  billing_address: string;
  shipping_address: string;
  /** Null for a demo order: paid by DEMO_PAYMENT. */
  payment_provider: string | null;
  payment_method: string | null;
}

export interface OrderItemRow {
  id: number;
  uuid: string;
  sku: string;
  name: string;
  quantity: number;
  unit_gross_price: number;
  state: string;
  /** The order_shipments row the item goes with; null for a demo order's (its one shipment). */
  shipment_id: number | null;
}

/** What one discount took from one order item when the order was placed (order_item_discounts). */
export interface OrderItemDiscountRow {
  order_item_id: number;
  discount_id: number;
  display_name: string;
  description: string;
  voucher_code: string | null;
  unit_amount: number;
  amount: number;
}

interface OrderShipmentRow {
  id: number;
  method: string;
  carrier: string;
  price: number;
}

export const CANCELED = 'canceled';

// RFC 4122's name space for ISO OIDs, which Spryker's UUID behaviour generates its UUIDs in.
const OID_NAMESPACE = Buffer.from('6ba7b8129dad11d180b400c04fd430c8', 'hex');

/**
 * An order item's UUID as Spryker's Propel UUID behaviour makes it: version 5 of
 * `sales_order_item.<id>`, so it is the same every time the item is read (§12).
 */
export function salesOrderItemUuid(idSalesOrderItem: number): string {
  const hash = createHash('sha1')
    .update(OID_NAMESPACE)
    .update(`sales_order_item.${idSalesOrderItem}`)
    .digest();
  hash.writeUInt8(((hash.readUInt8(6) & 0x0f) | 0x50) >>> 0, 6);
  hash.writeUInt8(((hash.readUInt8(8) & 0x3f) | 0x80) >>> 0, 8);
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** §12: ordered at most 30 whole days before `nowMs`; Spryker's timestamps are UTC. */
export function isWithinReturnPeriod(createdAt: string, nowMs: number): boolean {
  const orderedMs = Date.parse(`${createdAt.slice(0, 19).replace(' ', 'T')}Z`);
  return Math.floor((nowMs - orderedMs) / DAY_MS) <= RETURNABLE_DAYS;
}

/** What an order item of one of the order's shipments looks like, and whether it can go back. */
interface ItemContext {
  idShipment: number;
  withinReturnPeriod: boolean;
  /** Net prices are 0 in gross mode: Spryker calculates none there (§9.4). */
  grossMode: boolean;
}

function orderItem(
  row: OrderItemRow,
  context: ItemContext,
  discounts: readonly OrderItemDiscountRow[],
): OrderItemAttributes {
  const unitGross = row.unit_gross_price;
  const sumGross = unitGross * row.quantity;
  // What the order's discounts took from the item, never more than it was worth (§10).
  const unitDiscount = Math.min(
    discounts.reduce((sum, discount) => sum + discount.unit_amount, 0),
    unitGross,
  );
  const sumDiscount = Math.min(
    discounts.reduce((sum, discount) => sum + discount.amount, 0),
    sumGross,
  );
  const unitTax = taxShareOfGross(unitGross - unitDiscount);
  const sumTax = taxShareOfGross(sumGross - sumDiscount);
  const sumToPay = sumGross - sumDiscount;
  const canceled = row.state === CANCELED;
  return {
    name: row.name,
    sku: row.sku,
    quantity: row.quantity,
    unitGrossPrice: unitGross,
    sumGrossPrice: sumGross,
    unitPrice: unitGross,
    sumPrice: sumGross,
    state: row.state,
    taxRate: TAX_RATE_DECIMAL,
    unitNetPrice: context.grossMode ? 0 : unitGross - taxShareOfGross(unitGross),
    sumNetPrice: context.grossMode ? 0 : sumGross - taxShareOfGross(sumGross),
    unitTaxAmountFullAggregation: unitTax,
    sumTaxAmountFullAggregation: sumTax,
    refundableAmount: canceled ? 0 : sumToPay,
    canceledAmount: canceled ? sumToPay : 0,
    sumSubtotalAggregation: sumGross,
    unitSubtotalAggregation: unitGross,
    // No product options or item expenses in the demo orders.
    unitProductOptionPriceAggregation: 0,
    sumProductOptionPriceAggregation: 0,
    unitExpensePriceAggregation: 0,
    sumExpensePriceAggregation: null,
    unitDiscountAmountAggregation: unitDiscount,
    sumDiscountAmountAggregation: sumDiscount,
    unitDiscountAmountFullAggregation: unitDiscount,
    sumDiscountAmountFullAggregation: sumDiscount,
    unitPriceToPayAggregation: unitGross - unitDiscount,
    sumPriceToPayAggregation: sumToPay,
    taxRateAverageAggregation: TAX_RATE_DECIMAL,
    taxAmountAfterCancellation: null,
    // Spryker's order reader leaves the item's order reference unset (the 202410 doc sample).
    orderReference: null,
    uuid: row.uuid,
    isReturnable: context.withinReturnPeriod && RETURNABLE_STATES.has(row.state),
    idShipment: context.idShipment,
    bundleItemIdentifier: null,
    relatedBundleItemIdentifier: null,
    salesOrderConfiguredBundle: null,
    salesOrderConfiguredBundleItem: null,
    salesOrderItemConfiguration: null,
    // The demo data has no super attributes or images.
    metadata: { superAttributes: [], image: null },
    calculatedDiscounts: discounts.map((discount) => ({
      unitAmount: phpRound(discount.amount / row.quantity),
      sumAmount: discount.amount,
      displayName: discount.display_name,
      description: discount.description,
      voucherCode: discount.voucher_code,
      quantity: row.quantity,
    })),
    productOptions: [],
  };
}

/**
 * `DiscountOrderHydrate::hydrate()`: the items' discounts grouped by display name, their amounts
 * and quantities added, with no unit amount; PHP's empty list when there are none.
 */
function groupedDiscounts(
  items: readonly OrderItemAttributes[],
): Record<string, OrderCalculatedDiscount> | [] {
  const grouped: Record<string, OrderCalculatedDiscount> = {};
  for (const item of items) {
    for (const discount of item.calculatedDiscounts) {
      const earlier = grouped[discount.displayName];
      grouped[discount.displayName] = {
        ...discount,
        unitAmount: null,
        sumAmount: discount.sumAmount + (earlier?.sumAmount ?? 0),
        quantity: discount.quantity + (earlier?.quantity ?? 0),
      };
    }
  }
  return Object.keys(grouped).length === 0 ? [] : grouped;
}

/** The stored address with the fields Glue sends that a demo order leaves empty (§9.4). */
export function restOrderAddress(address: OrderAddress): RestOrderAddress {
  return {
    salutation: address.salutation,
    firstName: address.firstName,
    middleName: null,
    lastName: address.lastName,
    address1: address.address1,
    address2: address.address2,
    address3: address.address3,
    company: address.company,
    city: address.city,
    zipCode: address.zipCode,
    poBox: null,
    phone: address.phone ?? null,
    cellPhone: null,
    description: null,
    comment: null,
    email: null,
    country: address.country,
    iso2Code: address.iso2Code,
  };
}

/**
 * A shipment of an order and its expense, which share an id: a demo order's one shipment has the
 * order's own id, a placed order's are its order_shipments rows.
 */
export interface OrderShipmentRecord {
  id: number;
  method: string;
  carrier: string;
  price: number;
  currency: string;
}

/**
 * An order's figures, gross mode with 19 % VAT contained, as in a cart: subtotal = Σ item sums;
 * discountTotal = Σ what the discounts took from the items (§10); taxTotal = Σ item tax shares
 * (of what is left to pay of each) + each shipment's tax share; grandTotal = subtotal +
 * expenseTotal − discountTotal, expenseTotal = Σ shipment prices. canceledTotal = Σ canceled
 * items' prices to pay, and a shipment's price too when every item of it was canceled; grandTotal
 * is what was ordered, not reduced by cancellations. An item without a shipment of its own goes
 * with the first one.
 */
export function orderFigures(
  rows: readonly OrderItemRow[],
  shipments: readonly [OrderShipmentRecord, ...OrderShipmentRecord[]],
  withinReturnPeriod: boolean,
  priceMode: string = 'GROSS_MODE',
  discounts: readonly OrderItemDiscountRow[] = [],
): {
  items: OrderItemAttributes[];
  expenses: OrderExpenseAttributes[];
  shipments: OrderShipment[];
  totals: OrderTotals;
  calculatedDiscounts: Record<string, OrderCalculatedDiscount> | [];
} {
  const grossMode = priceMode === 'GROSS_MODE';
  const [first] = shipments;
  const items = rows.map((row) =>
    orderItem(
      row,
      { idShipment: row.shipment_id ?? first.id, withinReturnPeriod, grossMode },
      discounts.filter((discount) => discount.order_item_id === row.id),
    ),
  );
  const expenses = shipments.map((shipment): OrderExpenseAttributes => {
    const own = items.filter((item) => item.idShipment === shipment.id);
    const wholeShipmentCanceled = own.length > 0 && own.every((item) => item.state === CANCELED);
    const shipmentTax = taxShareOfGross(shipment.price);
    return {
      type: SHIPMENT_EXPENSE_TYPE,
      name: shipment.method,
      sumPrice: shipment.price,
      unitGrossPrice: shipment.price,
      sumGrossPrice: shipment.price,
      taxRate: TAX_RATE_DECIMAL,
      unitNetPrice: grossMode ? 0 : shipment.price - shipmentTax,
      sumNetPrice: grossMode ? 0 : shipment.price - shipmentTax,
      // Unset, as §9.4 shows it, until the shipment's every item is canceled.
      canceledAmount: wholeShipmentCanceled ? shipment.price : null,
      unitDiscountAmountAggregation: null,
      sumDiscountAmountAggregation: null,
      unitTaxAmount: shipmentTax,
      sumTaxAmount: shipmentTax,
      unitPriceToPayAggregation: shipment.price,
      sumPriceToPayAggregation: shipment.price,
      taxAmountAfterCancellation: null,
      idShipment: shipment.id,
      idSalesExpense: shipment.id,
    };
  });
  let subtotal = 0;
  let discountTotal = 0;
  let taxTotal = 0;
  let canceledTotal = 0;
  let expenseTotal = 0;
  for (const item of items) {
    subtotal += item.sumPrice;
    discountTotal += item.sumDiscountAmountFullAggregation;
    taxTotal += item.sumTaxAmountFullAggregation;
    canceledTotal += item.canceledAmount;
  }
  for (const expense of expenses) {
    expenseTotal += expense.sumPrice;
    taxTotal += expense.sumTaxAmount;
    canceledTotal += expense.canceledAmount ?? 0;
  }
  return {
    items,
    expenses,
    shipments: shipments.map((shipment) => ({
      shipmentMethodName: shipment.method,
      carrierName: shipment.carrier,
      // The demo shop configures no delivery times and no net shipment prices.
      deliveryTime: null,
      defaultGrossPrice: shipment.price,
      defaultNetPrice: 0,
      currencyIsoCode: shipment.currency,
    })),
    totals: {
      expenseTotal,
      discountTotal,
      taxTotal,
      subtotal,
      grandTotal: subtotal + expenseTotal - discountTotal,
      canceledTotal,
      remunerationTotal: 0,
    },
    calculatedDiscounts: groupedDiscounts(items),
  };
}

/** The quantities a cart line of `quantity` becomes as order items (§9.4): units below 10. */
export function orderItemQuantities(quantity: number): number[] {
  return quantity < ITEM_SPLIT_THRESHOLD ? Array<number>(quantity).fill(1) : [quantity];
}

/** What a discount took from an order item (§10), as order_item_discounts keeps it. */
export interface NewOrderItemDiscount {
  idDiscount: number;
  displayName: string;
  description: string;
  voucherCode: string | null;
  unitAmount: number;
  amount: number;
}

/** One line of a cart as it is ordered: split into units below ITEM_SPLIT_THRESHOLD (§9.4). */
export interface NewOrderItem {
  sku: string;
  /** In the locale of the checkout request (§7.2). */
  name: string;
  quantity: number;
  unitGrossPrice: number;
  /** Index into NewOrder.shipments. */
  shipment: number;
  /**
   * What the discounts took from it: only for a line that is already an order item (quantity 1
   * or at least ITEM_SPLIT_THRESHOLD), as the checkout prices the split lines.
   */
  discounts?: readonly NewOrderItemDiscount[];
}

export interface NewOrderShipment {
  method: string;
  carrier: string;
  price: number;
  address: OrderAddress;
  requestedDeliveryDate: string | null;
}

/** What checkout places (§9.3): the cart's lines, its deliveries, the addresses and the payment. */
export interface NewOrder {
  idCustomer: number;
  store: string;
  currency: string;
  priceMode: PriceMode;
  billingAddress: OrderAddress;
  shipments: readonly [NewOrderShipment, ...NewOrderShipment[]];
  items: readonly NewOrderItem[];
  payment: { provider: string; method: string };
  /** What each gift card pays (§10), in the order they were applied; the payment pays the rest. */
  giftCardPayments?: readonly { giftCardId: number; amount: number }[];
}

/** Spryker's timestamp format, "2025-10-21 14:03:27.513000", in UTC. */
export function salesTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

/** What `GET /orders?sort=` can sort by (spryker/sales `SalesRepository::SORT_KEYS_MAP`). */
export type OrderSortKey = 'createdAt' | 'updatedAt';

export interface OrderSort {
  key: OrderSortKey;
  descending: boolean;
}

type PageStatement = Database.Statement<
  { idCustomer: number; limit: number; offset: number },
  OrderRow
>;

/**
 * A customer's orders (contract §5), and the orders checkout places (§9.3). `place` writes inside
 * the caller's transaction, so the order, its number and the cart it came from change together.
 */
export class Orders {
  readonly #clock: () => number;
  readonly #shipments: Database.Statement<[number], OrderShipmentRow>;
  readonly #nextNumber: Database.Statement<[], number>;
  readonly #nextShipmentId: Database.Statement<[], number>;
  readonly #insertOrder: Database.Statement;
  readonly #insertShipment: Database.Statement;
  readonly #insertItem: Database.Statement;
  readonly #setItemUuid: Database.Statement;
  readonly #count: Database.Statement<[number], number>;
  /** By id: the order they were placed in, what Spryker's query without ORDER BY gives. */
  readonly #page: PageStatement;
  readonly #sortedPages: Record<OrderSortKey, { asc: PageStatement; desc: PageStatement }>;
  readonly #byReference: Database.Statement<[string, number], OrderRow>;
  readonly #items: Database.Statement<[number], OrderItemRow>;
  readonly #itemDiscounts: Database.Statement<[number], OrderItemDiscountRow>;
  readonly #giftCardPayments: Database.Statement<[number], number>;
  readonly #insertItemDiscount: Database.Statement;
  readonly #insertGiftCardPayment: Database.Statement;
  readonly #readPage: (
    idCustomer: number,
    page: Page,
    sort: OrderSort | null,
  ) => { total: number; orders: OrderSummary[] };

  /** `clock`: milliseconds since the epoch, like Date.now; it decides what can be returned. */
  constructor(db: Database.Database, clock: () => number) {
    this.#clock = clock;
    const columns = `id, order_reference, created_at, currency, price_mode, shipment_method,
      shipment_carrier, shipment_price, billing_address, shipping_address, payment_provider,
      payment_method`;
    const pageOrderedBy = (order: string): PageStatement =>
      db.prepare(`SELECT ${columns} FROM orders WHERE id_customer = @idCustomer
        ORDER BY ${order} LIMIT @limit OFFSET @offset`);
    this.#count = db
      .prepare<[number], number>('SELECT count(*) FROM orders WHERE id_customer = ?')
      .pluck();
    this.#page = pageOrderedBy('id');
    // The id breaks ties in the sort's direction, so equal timestamps page the same every time.
    const sortedBy = (column: string): { asc: PageStatement; desc: PageStatement } => ({
      asc: pageOrderedBy(`${column}, id`),
      desc: pageOrderedBy(`${column} DESC, id DESC`),
    });
    this.#sortedPages = { createdAt: sortedBy('created_at'), updatedAt: sortedBy('updated_at') };
    this.#byReference = db.prepare(`SELECT ${columns} FROM orders
      WHERE order_reference = ? AND id_customer = ?`);
    this.#items = db.prepare(`SELECT id, uuid, sku, name, quantity, unit_gross_price, state,
      shipment_id FROM order_items WHERE order_id = ? ORDER BY id`);
    this.#itemDiscounts = db.prepare(`SELECT d.order_item_id, d.discount_id, d.display_name,
        d.description, d.voucher_code, d.unit_amount, d.amount
      FROM order_item_discounts AS d JOIN order_items AS i ON i.id = d.order_item_id
      WHERE i.order_id = ? ORDER BY d.id`);
    // An order's gift-card payments are what it spent of each card, in the order they paid.
    this.#giftCardPayments = db
      .prepare<[number], number>(
        'SELECT value FROM gift_card_balance_log WHERE order_id = ? ORDER BY id',
      )
      .pluck();
    this.#insertItemDiscount = db.prepare(
      `INSERT INTO order_item_discounts (order_item_id, discount_id, display_name, description,
         voucher_code, unit_amount, amount)
       VALUES (@orderItemId, @idDiscount, @displayName, @description, @voucherCode, @unitAmount,
         @amount)`,
    );
    this.#insertGiftCardPayment = db.prepare(
      'INSERT INTO gift_card_balance_log (gift_card_id, order_id, value) VALUES (?, ?, ?)',
    );
    this.#shipments = db.prepare(`SELECT id, method, carrier, price FROM order_shipments
      WHERE order_id = ? ORDER BY id`);
    // Spryker's sequence continues from the highest DE--<n>; older DE--ORD-… references are skipped.
    this.#nextNumber = db
      .prepare<[], number>(
        `SELECT coalesce(max(CAST(substr(order_reference, 5) AS INTEGER)), 0) + 1 FROM orders
         WHERE order_reference GLOB 'DE--[0-9]*' AND substr(order_reference, 5) NOT GLOB '*[^0-9]*'`,
      )
      .pluck();
    // Above every order id too: a demo order's one shipment has its order's id (orderFigures).
    this.#nextShipmentId = db
      .prepare<[], number>(
        `SELECT max(coalesce((SELECT max(id) FROM order_shipments), 0),
           coalesce((SELECT max(id) FROM orders), 0)) + 1`,
      )
      .pluck();
    this.#insertOrder = db.prepare(
      `INSERT INTO orders (order_reference, id_customer, created_at, updated_at, store, currency,
         price_mode, shipment_method, shipment_carrier, shipment_price, billing_address,
         shipping_address, payment_provider, payment_method)
       VALUES (@reference, @idCustomer, @createdAt, @createdAt, @store, @currency, @priceMode,
         @shipmentMethod, @shipmentCarrier, @shipmentPrice, @billingAddress, @shippingAddress,
         @paymentProvider, @paymentMethod)`,
    );
    this.#insertShipment = db.prepare(
      `INSERT INTO order_shipments (id, order_id, method, carrier, price, shipping_address,
         requested_delivery_date)
       VALUES (@id, @orderId, @method, @carrier, @price, @shippingAddress, @requestedDeliveryDate)`,
    );
    this.#insertItem = db.prepare(
      `INSERT INTO order_items (order_id, sku, name, quantity, unit_gross_price, state, shipment_id)
       VALUES (@orderId, @sku, @name, @quantity, @unitGrossPrice, @state, @shipmentId)`,
    );
    this.#setItemUuid = db.prepare('UPDATE order_items SET uuid = ? WHERE id = ?');
    this.#readPage = db.transaction((idCustomer: number, page: Page, sort: OrderSort | null) => {
      const statement =
        sort === null ? this.#page : this.#sortedPages[sort.key][sort.descending ? 'desc' : 'asc'];
      return {
        total: this.#count.get(idCustomer) ?? 0,
        orders: statement
          .all({ idCustomer, limit: page.limit, offset: page.offset })
          .map((row) => this.#summary(row, this.#figures(row).totals)),
      };
    });
  }

  #figures(row: OrderRow): ReturnType<typeof orderFigures> {
    const own = this.#shipments.all(row.id).map((shipment) => ({
      ...shipment,
      currency: row.currency,
    }));
    const [first, ...rest] = own;
    const shipments: [OrderShipmentRecord, ...OrderShipmentRecord[]] =
      first === undefined
        ? [
            {
              id: row.id,
              method: row.shipment_method,
              carrier: row.shipment_carrier,
              price: row.shipment_price,
              currency: row.currency,
            },
          ]
        : [first, ...rest];
    return orderFigures(
      this.#items.all(row.id),
      shipments,
      isWithinReturnPeriod(row.created_at, this.#clock()),
      row.price_mode,
      this.#itemDiscounts.all(row.id),
    );
  }

  #summary(row: OrderRow, totals: OrderTotals): OrderSummary {
    return {
      reference: row.order_reference,
      createdAt: row.created_at,
      currencyIsoCode: row.currency,
      priceMode: row.price_mode,
      totals,
    };
  }

  /**
   * One page of the customer's orders, and how many they have in all: in the order they were
   * placed (oldest first), or sorted by `sort`.
   */
  page(
    idCustomer: number,
    page: Page,
    sort: OrderSort | null = null,
  ): { total: number; orders: OrderSummary[] } {
    return this.#readPage(idCustomer, page, sort);
  }

  /** The customer's order with that reference; null for an unknown one or another's. */
  find(idCustomer: number, reference: string): OrderDetail | null {
    const row = this.#byReference.get(reference, idCustomer);
    if (row === undefined) return null;
    const { items, expenses, shipments, totals, calculatedDiscounts } = this.#figures(row);
    const giftCards = this.#giftCardPayments.all(row.id);
    const paidByGiftCards = giftCards.reduce((sum, amount) => sum + amount, 0);
    return {
      ...this.#summary(row, totals),
      calculatedDiscounts,
      itemStates: [...new Set(items.map((item) => item.state))],
      billingAddress: restOrderAddress(JSON.parse(row.billing_address) as OrderAddress),
      shippingAddress: restOrderAddress(JSON.parse(row.shipping_address) as OrderAddress),
      items,
      expenses,
      // Gift cards first, as they were applied; the order's own payment pays the rest (§9.4, §10).
      payments: [
        ...giftCards.map((amount) => ({ amount, ...GIFT_CARD_PAYMENT })),
        {
          amount: Math.max(totals.grandTotal - paidByGiftCards, 0),
          ...(row.payment_provider === null || row.payment_method === null
            ? DEMO_PAYMENT
            : { paymentProvider: row.payment_provider, paymentMethod: row.payment_method }),
        },
      ],
      shipments,
    };
  }

  /**
   * Writes the order with the next reference, `DE--<n>`, and returns that reference. Call inside
   * the transaction that reads and deletes the cart, begun IMMEDIATE: the number is read and
   * taken under the same write lock, so two checkouts never share one.
   */
  place(order: NewOrder): string {
    const reference = orderReference(this.#nextNumber.get() ?? 1);
    const [first] = order.shipments;
    const { lastInsertRowid } = this.#insertOrder.run({
      reference,
      idCustomer: order.idCustomer,
      createdAt: salesTimestamp(this.#clock()),
      store: order.store,
      currency: order.currency,
      priceMode: order.priceMode,
      // The first delivery, where a reader of the order's own columns looks (one shipment).
      shipmentMethod: first.method,
      shipmentCarrier: first.carrier,
      shipmentPrice: first.price,
      billingAddress: JSON.stringify(order.billingAddress),
      shippingAddress: JSON.stringify(first.address),
      paymentProvider: order.payment.provider,
      paymentMethod: order.payment.method,
    });
    const orderId = Number(lastInsertRowid);
    const shipmentIds = order.shipments.map((shipment) => {
      const id = this.#nextShipmentId.get() ?? 1;
      this.#insertShipment.run({
        id,
        orderId,
        method: shipment.method,
        carrier: shipment.carrier,
        price: shipment.price,
        shippingAddress: JSON.stringify(shipment.address),
        requestedDeliveryDate: shipment.requestedDeliveryDate,
      });
      return id;
    });
    for (const item of order.items) {
      const quantities = orderItemQuantities(item.quantity);
      const discounts = item.discounts ?? [];
      if (discounts.length > 0 && quantities.length !== 1) {
        throw new Error('A discounted order line must be one order item: split it first.');
      }
      for (const quantity of quantities) {
        const id = Number(
          this.#insertItem.run({
            orderId,
            sku: item.sku,
            name: item.name,
            quantity,
            unitGrossPrice: item.unitGrossPrice,
            state: PLACED_ITEM_STATE,
            shipmentId: shipmentIds[item.shipment] ?? shipmentIds[0] ?? null,
          }).lastInsertRowid,
        );
        this.#setItemUuid.run(salesOrderItemUuid(id), id);
        for (const discount of discounts) {
          this.#insertItemDiscount.run({ orderItemId: id, ...discount });
        }
      }
    }
    // The gift cards' payments lower what each card holds (§10a).
    for (const payment of order.giftCardPayments ?? []) {
      this.#insertGiftCardPayment.run(payment.giftCardId, orderId, payment.amount);
    }
    return reference;
  }
}
