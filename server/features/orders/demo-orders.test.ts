import { describe, expect, it } from 'vitest';
import { openDatabase, readSeedCsv } from '../../platform/db';
import { START_SECONDS } from '../../platform/test-support';
import { generateDemoOrders } from './demo-orders';
import type { DemoOrderProduct, DemoShipmentMethod } from './demo-orders';
import { isWithinReturnPeriod, salesOrderItemUuid } from './orders';

const DAY_MS = 24 * 3600 * 1000;
/** When the tests' databases are created: 2027-01-15 08:00 UTC. */
const CREATED_MS = START_SECONDS * 1000;
const at = (ms: number) => (): number => ms;

async function ordersAndItemsOf(seedCustomers = 0, createdMs = CREATED_MS): Promise<unknown[]> {
  const db = await openDatabase(':memory:', { seedCustomers, clock: at(createdMs) });
  try {
    return [
      db.prepare('SELECT * FROM orders ORDER BY id').all(),
      db.prepare('SELECT * FROM order_items ORDER BY id').all(),
    ];
  } finally {
    db.close();
  }
}

interface OrderRow {
  id: number;
  order_reference: string;
  id_customer: number;
  created_at: string;
  billing_address: string;
  shipping_address: string;
  shipment_price: number;
}

const PRODUCTS: DemoOrderProduct[] = readSeedCsv('products.csv', ['concrete_sku']).map(
  (record) => ({
    sku: record.concrete_sku ?? '',
    name: record.name_en ?? '',
    grossPrice: Number(record.gross_price_eur_cents),
  }),
);

const SHIPMENT_METHODS: DemoShipmentMethod[] = readSeedCsv('shipment-methods.csv', [
  'shipment_method_key',
]).map((record) => ({
  key: record.shipment_method_key ?? '',
  name: record.name ?? '',
  carrierName: record.carrier_name ?? '',
  grossPrice: Number(record.gross_price_eur_cents_de),
}));

describe('demo orders', () => {
  it('are the same on every new database of the same day', async () => {
    const first = await ordersAndItemsOf();
    const second = await ordersAndItemsOf();
    expect(second).toEqual(first);
    expect((first[0] as unknown[]).length).toBeGreaterThan(40);
    const midnight = Math.floor(CREATED_MS / DAY_MS) * DAY_MS;
    expect(await ordersAndItemsOf(0, midnight)).toEqual(first);
    expect(await ordersAndItemsOf(0, midnight + DAY_MS - 1)).toEqual(first);
  });

  it('move with the day the database is created, and only their dates do', async () => {
    const [orders, items] = (await ordersAndItemsOf()) as OrderRow[][];
    const [later, laterItems] = (await ordersAndItemsOf(
      0,
      CREATED_MS + 400 * DAY_MS,
    )) as OrderRow[][];
    const shifted = (orders ?? []).map((order) => {
      const moved = new Date(
        Date.parse(`${order.created_at.slice(0, 19).replace(' ', 'T')}Z`) + 400 * DAY_MS,
      );
      const createdAt = `${moved.toISOString().replace('T', ' ').slice(0, 19)}${order.created_at.slice(19)}`;
      return { ...order, created_at: createdAt, updated_at: createdAt };
    });
    expect(later).toEqual(shifted);
    expect(laterItems).toEqual(items);
  });

  it('give each demo customer 2 to 5 orders, and generated customers none', async () => {
    const db = await openDatabase(':memory:', { seedCustomers: 30, clock: at(CREATED_MS) });
    try {
      const counts = db
        .prepare<[], { id: number; orders: number }>(
          `SELECT c.id, (SELECT count(*) FROM orders AS o WHERE o.id_customer = c.id) AS orders
           FROM customers AS c ORDER BY c.id`,
        )
        .all();
      expect(counts).toHaveLength(51);
      for (const { id, orders } of counts) {
        if (id <= 21) expect(orders, `DE--${id}`).toBeGreaterThanOrEqual(2);
        if (id <= 21) expect(orders, `DE--${id}`).toBeLessThanOrEqual(5);
        else expect(orders, `DE--${id}`).toBe(0);
      }
      // Generated customers do not change the demo customers' orders.
      const [orders] = await ordersAndItemsOf();
      expect(db.prepare('SELECT * FROM orders ORDER BY id').all()).toEqual(orders);
    } finally {
      db.close();
    }
  });

  it('are numbered DE--1 onwards in the order they were placed, in the past', async () => {
    const db = await openDatabase(':memory:', { clock: at(CREATED_MS) });
    try {
      const orders = db.prepare<[], OrderRow>('SELECT * FROM orders ORDER BY id').all();
      orders.forEach((order, index) => {
        expect(order.order_reference).toBe(`DE--${1 + index}`);
        expect(order.created_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/);
        // Within the 1020 days before the creation day (2027-01-15), before it.
        expect(order.created_at > '2024-04-01').toBe(true);
        expect(order.created_at < '2027-01-15').toBe(true);
        const previous = orders[index - 1];
        if (previous !== undefined) expect(order.created_at > previous.created_at).toBe(true);
      });
    } finally {
      db.close();
    }
  });

  it.each([
    ['at 08:00', CREATED_MS],
    ['at midnight', Math.floor(CREATED_MS / DAY_MS) * DAY_MS],
    ['a second before midnight', Math.floor(CREATED_MS / DAY_MS) * DAY_MS + DAY_MS - 1000],
  ])(
    'leave each customer’s newest order delivered within 30 days, every other older (created %s)',
    async (_when, createdMs) => {
      const db = await openDatabase(':memory:', { clock: at(createdMs) });
      try {
        const customers = db
          .prepare<[], number>('SELECT id FROM customers ORDER BY id')
          .pluck()
          .all();
        expect(customers).toHaveLength(21);
        const ordersOf = db.prepare<[number], OrderRow>(
          'SELECT * FROM orders WHERE id_customer = ? ORDER BY id',
        );
        const statesOf = db
          .prepare<[number], string>('SELECT state FROM order_items WHERE order_id = ? ORDER BY id')
          .pluck();
        for (const id of customers) {
          const orders = ordersOf.all(id);
          const newest = orders.pop();
          if (newest === undefined) throw new Error(`DE--${id} has no orders`);
          expect(orders.length, `DE--${id}`).toBeGreaterThanOrEqual(1);
          expect(isWithinReturnPeriod(newest.created_at, createdMs), newest.order_reference).toBe(
            true,
          );
          // Still returnable a week after the database is made.
          expect(isWithinReturnPeriod(newest.created_at, createdMs + 7 * DAY_MS)).toBe(true);
          expect(new Set(statesOf.all(newest.id))).toEqual(new Set(['delivered']));
          for (const older of orders) {
            expect(isWithinReturnPeriod(older.created_at, createdMs), older.order_reference).toBe(
              false,
            );
          }
        }
      } finally {
        db.close();
      }
    },
  );

  it('have items of demo products at their prices, with states, and German addresses', async () => {
    const db = await openDatabase(':memory:', { clock: at(CREATED_MS) });
    try {
      const items = db
        .prepare<[], { sku: string; name: string; unit_gross_price: number; state: string }>(
          'SELECT sku, name, unit_gross_price, state FROM order_items',
        )
        .all();
      const bySku = new Map(PRODUCTS.map((product) => [product.sku, product]));
      for (const item of items) {
        expect(bySku.get(item.sku)).toEqual({
          sku: item.sku,
          name: item.name,
          grossPrice: item.unit_gross_price,
        });
      }
      const states = new Set(items.map((item) => item.state));
      expect(states).toEqual(new Set(['delivered', 'closed', 'canceled']));
      const sonia = db
        .prepare<[], OrderRow>('SELECT * FROM orders WHERE id_customer = 21 ORDER BY id')
        .all();
      for (const order of sonia) {
        for (const address of [order.billing_address, order.shipping_address]) {
          expect(JSON.parse(address)).toMatchObject({
            salutation: 'Ms',
            firstName: 'Sonia',
            lastName: 'Wagner',
            address1: expect.any(String) as unknown,
            zipCode: expect.stringMatching(/^\d{5}$/) as unknown,
            country: 'Germany',
            iso2Code: 'DE',
          });
        }
        expect([490, 590]).toContain(order.shipment_price);
      }
      // The demo shop's DHL Standard and Express (shipment-methods.csv).
      expect(
        db
          .prepare(
            `SELECT DISTINCT shipment_method, shipment_carrier, shipment_price FROM orders
             ORDER BY shipment_price`,
          )
          .all(),
      ).toEqual([
        { shipment_method: 'Standard', shipment_carrier: 'DHL', shipment_price: 490 },
        { shipment_method: 'Express', shipment_carrier: 'DHL', shipment_price: 590 },
      ]);
    } finally {
      db.close();
    }
  });

  it('give every item its Spryker UUID, one per item', async () => {
    const db = await openDatabase(':memory:', { clock: at(CREATED_MS) });
    try {
      const items = db
        .prepare<[], { id: number; uuid: string }>('SELECT id, uuid FROM order_items')
        .all();
      for (const item of items) expect(item.uuid).toBe(salesOrderItemUuid(item.id));
      expect(new Set(items.map((item) => item.uuid)).size).toBe(items.length);
    } finally {
      db.close();
    }
  });
});

describe('generateDemoOrders', () => {
  const customer = { id: 7, salutation: 'Ms', firstName: 'Anne', lastName: 'Boleyn' };

  it('depends only on the customers and products given', () => {
    expect(generateDemoOrders([customer], PRODUCTS, SHIPMENT_METHODS, CREATED_MS)).toEqual(
      generateDemoOrders([customer], PRODUCTS, SHIPMENT_METHODS, CREATED_MS),
    );
  });

  it('never orders the gift card, and no product twice in one order', () => {
    const orders = generateDemoOrders(
      Array.from({ length: 21 }, (_, i) => ({ ...customer, id: i + 1 })),
      PRODUCTS,
      SHIPMENT_METHODS,
      CREATED_MS,
    );
    for (const order of orders) {
      const skus = order.items.map((item) => item.sku);
      expect(skus).not.toContain('666_133');
      expect(new Set(skus).size).toBe(skus.length);
      for (const item of order.items) expect(item.quantity).toBeGreaterThan(0);
    }
  });

  it('refuses a catalog too small to choose from', () => {
    expect(() =>
      generateDemoOrders([customer], PRODUCTS.slice(0, 2), SHIPMENT_METHODS, CREATED_MS),
    ).toThrow(/at least 4/);
  });

  it('refuses shipment methods without the demo shop’s DHL ones', () => {
    expect(() =>
      generateDemoOrders([customer], PRODUCTS, SHIPMENT_METHODS.slice(2), CREATED_MS),
    ).toThrow(/spryker_dummy_shipment-standard/);
  });
});
