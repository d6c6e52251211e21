import { describe, expect, it } from 'vitest';
import { openDatabase, readSeedCsv } from '../../platform/db';
import { generateDemoOrders } from './demo-orders';
import type { DemoOrderProduct, DemoShipmentMethod } from './demo-orders';
import { salesOrderItemUuid } from './orders';

async function ordersAndItemsOf(seedCustomers = 0): Promise<unknown[]> {
  const db = await openDatabase(':memory:', { seedCustomers });
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
  it('are the same on every new database', async () => {
    const first = await ordersAndItemsOf();
    const second = await ordersAndItemsOf();
    expect(second).toEqual(first);
    expect((first[0] as unknown[]).length).toBeGreaterThan(40);
  });

  it('give each demo customer 2 to 5 orders, and generated customers none', async () => {
    const db = await openDatabase(':memory:', { seedCustomers: 30 });
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
    const db = await openDatabase(':memory:');
    try {
      const orders = db.prepare<[], OrderRow>('SELECT * FROM orders ORDER BY id').all();
      orders.forEach((order, index) => {
        expect(order.order_reference).toBe(`DE--${1 + index}`);
        expect(order.created_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/);
        expect(order.created_at > '2023-01-01').toBe(true);
        expect(order.created_at < '2025-11-01').toBe(true);
        const previous = orders[index - 1];
        if (previous !== undefined) expect(order.created_at >= previous.created_at).toBe(true);
      });
    } finally {
      db.close();
    }
  });

  it('have items of demo products at their prices, with states, and German addresses', async () => {
    const db = await openDatabase(':memory:');
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
      for (const state of ['delivered', 'shipped', 'payment pending', 'canceled']) {
        expect(states).toContain(state);
      }
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
    const db = await openDatabase(':memory:');
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
    expect(generateDemoOrders([customer], PRODUCTS, SHIPMENT_METHODS)).toEqual(
      generateDemoOrders([customer], PRODUCTS, SHIPMENT_METHODS),
    );
  });

  it('never orders the gift card, and no product twice in one order', () => {
    const orders = generateDemoOrders(
      Array.from({ length: 21 }, (_, i) => ({ ...customer, id: i + 1 })),
      PRODUCTS,
      SHIPMENT_METHODS,
    );
    for (const order of orders) {
      const skus = order.items.map((item) => item.sku);
      expect(skus).not.toContain('666_133');
      expect(new Set(skus).size).toBe(skus.length);
      for (const item of order.items) expect(item.quantity).toBeGreaterThan(0);
    }
  });

  it('refuses a catalog too small to choose from', () => {
    expect(() => generateDemoOrders([customer], PRODUCTS.slice(0, 2), SHIPMENT_METHODS)).toThrow(
      /at least 4/,
    );
  });

  it('refuses shipment methods without the demo shop’s DHL ones', () => {
    expect(() => generateDemoOrders([customer], PRODUCTS, SHIPMENT_METHODS.slice(2))).toThrow(
      /spryker_dummy_shipment-standard/,
    );
  });
});
