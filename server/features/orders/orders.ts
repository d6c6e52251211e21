import type Database from 'better-sqlite3';
import type { OrderAddress } from './demo-orders';
import type { Page } from '../../platform/jsonapi';
import { TAX_RATE, taxShareOfGross } from '../../platform/pricing';

export const SHIPMENT_EXPENSE_TYPE = 'SHIPMENT_EXPENSE_TYPE';

/** An order's `totals`, key order as Glue's. */
export interface OrderTotals {
  expenseTotal: number;
  discountTotal: number;
  taxTotal: number;
  subtotal: number;
  grandTotal: number;
  canceledTotal: number;
}

/** An order item; the first eight keys in the contract's order (§5), then the rest. */
export interface OrderItemAttributes {
  name: string;
  sku: string;
  quantity: number;
  unitGrossPrice: number;
  sumGrossPrice: number;
  unitPrice: number;
  sumPrice: number;
  state: string;
  taxRate: number;
  unitNetPrice: number;
  sumNetPrice: number;
  unitTaxAmountFullAggregation: number;
  sumTaxAmountFullAggregation: number;
  refundableAmount: number;
  canceledAmount: number;
  sumSubtotalAggregation: number;
  unitSubtotalAggregation: number;
  unitPriceToPayAggregation: number;
  sumPriceToPayAggregation: number;
  taxRateAverageAggregation: number;
  amount: null;
}

export interface OrderExpenseAttributes {
  type: string;
  name: string;
  sumPrice: number;
  unitGrossPrice: number;
  sumGrossPrice: number;
  taxRate: number;
  unitNetPrice: number;
  sumNetPrice: number;
  canceledAmount: number;
  unitTaxAmount: number;
  sumTaxAmount: number;
  unitPriceToPayAggregation: number;
  sumPriceToPayAggregation: number;
}

export interface OrderSummary {
  reference: string;
  createdAt: string;
  currencyIsoCode: string;
  priceMode: string;
  totals: OrderTotals;
}

export interface OrderDetail extends OrderSummary {
  itemStates: string[];
  billingAddress: OrderAddress;
  shippingAddress: OrderAddress;
  items: OrderItemAttributes[];
  expenses: OrderExpenseAttributes[];
}

interface OrderRow {
  id: number;
  order_reference: string;
  created_at: string;
  currency: string;
  price_mode: string;
  shipment_method: string;
  shipment_price: number;
  billing_address: string;
  shipping_address: string;
}

export interface OrderItemRow {
  sku: string;
  name: string;
  quantity: number;
  unit_gross_price: number;
  state: string;
}

export const CANCELED = 'canceled';

function orderItem(row: OrderItemRow): OrderItemAttributes {
  const unitGross = row.unit_gross_price;
  const sumGross = unitGross * row.quantity;
  const unitTax = taxShareOfGross(unitGross);
  const sumTax = taxShareOfGross(sumGross);
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
    taxRate: TAX_RATE,
    unitNetPrice: unitGross - unitTax,
    sumNetPrice: sumGross - sumTax,
    unitTaxAmountFullAggregation: unitTax,
    sumTaxAmountFullAggregation: sumTax,
    refundableAmount: canceled ? 0 : sumGross,
    canceledAmount: canceled ? sumGross : 0,
    sumSubtotalAggregation: sumGross,
    unitSubtotalAggregation: unitGross,
    unitPriceToPayAggregation: unitGross,
    sumPriceToPayAggregation: sumGross,
    taxRateAverageAggregation: TAX_RATE,
    amount: null,
  };
}

/**
 * An order's figures, gross mode with 19 % VAT contained, as in a cart: subtotal = Σ item sums;
 * taxTotal = Σ item tax shares + the shipment's tax share; grandTotal = subtotal + expenseTotal
 * (no discounts). canceledTotal = Σ canceled item sums, and the shipment too when every item was
 * canceled; grandTotal is what was ordered, not reduced by cancellations.
 */
export function orderFigures(
  rows: readonly OrderItemRow[],
  shipment: { method: string; price: number },
): { items: OrderItemAttributes[]; expenses: OrderExpenseAttributes[]; totals: OrderTotals } {
  const items = rows.map(orderItem);
  const wholeOrderCanceled = items.length > 0 && items.every((item) => item.state === CANCELED);
  const shipmentTax = taxShareOfGross(shipment.price);
  const expense: OrderExpenseAttributes = {
    type: SHIPMENT_EXPENSE_TYPE,
    name: shipment.method,
    sumPrice: shipment.price,
    unitGrossPrice: shipment.price,
    sumGrossPrice: shipment.price,
    taxRate: TAX_RATE,
    unitNetPrice: shipment.price - shipmentTax,
    sumNetPrice: shipment.price - shipmentTax,
    canceledAmount: wholeOrderCanceled ? shipment.price : 0,
    unitTaxAmount: shipmentTax,
    sumTaxAmount: shipmentTax,
    unitPriceToPayAggregation: shipment.price,
    sumPriceToPayAggregation: shipment.price,
  };
  let subtotal = 0;
  let taxTotal = shipmentTax;
  let canceledTotal = expense.canceledAmount;
  for (const item of items) {
    subtotal += item.sumPrice;
    taxTotal += item.sumTaxAmountFullAggregation;
    canceledTotal += item.canceledAmount;
  }
  const expenseTotal = shipment.price;
  return {
    items,
    expenses: [expense],
    totals: {
      expenseTotal,
      discountTotal: 0,
      taxTotal,
      subtotal,
      grandTotal: subtotal + expenseTotal,
      canceledTotal,
    },
  };
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

/** A customer's orders (contract §5), read-only: the stand-in takes no new orders. */
export class Orders {
  readonly #count: Database.Statement<[number], number>;
  /** By id: the order they were placed in, what Spryker's query without ORDER BY gives. */
  readonly #page: PageStatement;
  readonly #sortedPages: Record<OrderSortKey, { asc: PageStatement; desc: PageStatement }>;
  readonly #byReference: Database.Statement<[string, number], OrderRow>;
  readonly #items: Database.Statement<[number], OrderItemRow>;
  readonly #readPage: (
    idCustomer: number,
    page: Page,
    sort: OrderSort | null,
  ) => { total: number; orders: OrderSummary[] };

  constructor(db: Database.Database) {
    const columns = `id, order_reference, created_at, currency, price_mode, shipment_method,
      shipment_price, billing_address, shipping_address`;
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
    this.#items = db.prepare(`SELECT sku, name, quantity, unit_gross_price, state
      FROM order_items WHERE order_id = ? ORDER BY id`);
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
    return orderFigures(this.#items.all(row.id), {
      method: row.shipment_method,
      price: row.shipment_price,
    });
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
    const { items, expenses, totals } = this.#figures(row);
    return {
      ...this.#summary(row, totals),
      itemStates: [...new Set(items.map((item) => item.state))],
      billingAddress: JSON.parse(row.billing_address) as OrderAddress,
      shippingAddress: JSON.parse(row.shipping_address) as OrderAddress,
      items,
      expenses,
    };
  }
}
