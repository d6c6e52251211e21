import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db';
import { START_SECONDS } from '../../platform/test-support';
import { Orders, RETURNABLE_DAYS, isWithinReturnPeriod, salesOrderItemUuid } from './orders';
import type { NewOrder } from './orders';

describe('salesOrderItemUuid', () => {
  it('is the version 5 UUID of sales_order_item.<id> in the OID name space', () => {
    // Python's uuid.uuid5(uuid.NAMESPACE_OID, 'sales_order_item.1') and so on.
    expect(salesOrderItemUuid(1)).toBe('cc0f14be-9a28-5fa9-968c-75b62f990e3c');
    expect(salesOrderItemUuid(2)).toBe('690d5ac9-ece1-5338-9870-7caf3311b14d');
    expect(salesOrderItemUuid(1001)).toBe('c99aa94a-884f-586d-a4c8-c90c120cd68f');
  });
});

describe('isWithinReturnPeriod', () => {
  const ordered = '2025-10-01 18:30:00.123456';
  const at = (text: string): number => Date.parse(text);

  it('counts whole days since the order, up to 30', () => {
    expect(RETURNABLE_DAYS).toBe(30);
    expect(isWithinReturnPeriod(ordered, at('2025-10-01T18:30:00Z'))).toBe(true);
    // 30 days and almost a day more are still 30 whole days.
    expect(isWithinReturnPeriod(ordered, at('2025-10-31T18:29:59Z'))).toBe(true);
    expect(isWithinReturnPeriod(ordered, at('2025-11-01T18:29:59Z'))).toBe(true);
    expect(isWithinReturnPeriod(ordered, at('2025-11-01T18:30:00Z'))).toBe(false);
  });
});

describe('Orders.place', () => {
  const address = {
    salutation: 'Ms',
    firstName: 'Sonia',
    lastName: 'Wagner',
    address1: 'Julie-Wolfthorn-Straße',
    address2: '1',
    address3: null,
    zipCode: '10115',
    city: 'Berlin',
    country: 'Germany',
    iso2Code: 'DE',
    company: null,
  };
  const express = {
    method: 'Express',
    carrier: 'DHL',
    price: 590,
    address,
    requestedDeliveryDate: null,
  };
  const order = (items: NewOrder['items']): NewOrder => ({
    idCustomer: 21,
    store: 'DE',
    currency: 'EUR',
    priceMode: 'GROSS_MODE',
    billingAddress: address,
    shipments: [express],
    items,
    payment: { provider: 'DummyPayment', method: 'Invoice' },
  });
  const notebook = { sku: '155_30149933', name: 'Lenovo IdeaPad Yoga 500', unitGrossPrice: 8005 };
  let db: Database.Database;
  let orders: Orders;

  beforeEach(async () => {
    db = await openDatabase(':memory:', { clock: () => START_SECONDS * 1000 });
    orders = new Orders(db, () => START_SECONDS * 1000);
  });

  afterEach(() => db.close());

  const count = (): number =>
    db.prepare<[], number>('SELECT count(*) FROM orders').pluck().get() ?? 0;

  it('numbers the order after the demo orders, DE--<n>', () => {
    const placed = count();
    expect(orders.place(order([{ ...notebook, quantity: 1, shipment: 0 }]))).toBe(
      `DE--${placed + 1}`,
    );
    expect(orders.place(order([{ ...notebook, quantity: 1, shipment: 0 }]))).toBe(
      `DE--${placed + 2}`,
    );
  });

  it('skips the DE--ORD-… references of an older database', () => {
    db.exec(`UPDATE orders SET order_reference = 'DE--ORD-' || (1000 + id) WHERE id > 3`);
    expect(orders.place(order([{ ...notebook, quantity: 1, shipment: 0 }]))).toBe('DE--4');
    db.exec(`UPDATE orders SET order_reference = 'DE--ORD-' || (1000 + id)`);
    expect(orders.place(order([{ ...notebook, quantity: 1, shipment: 0 }]))).toBe('DE--1');
  });

  it('splits a line below 10 into single units and keeps one of 10 or more whole', () => {
    const reference = orders.place(
      order([
        { ...notebook, quantity: 3, shipment: 0 },
        {
          sku: '005_30663301',
          name: 'Canon IXUS 160',
          unitGrossPrice: 9999,
          quantity: 10,
          shipment: 0,
        },
      ]),
    );
    const placed = orders.find(21, reference);
    expect(placed?.items.map((item) => [item.sku, item.quantity, item.state])).toEqual([
      ['155_30149933', 1, 'payment pending'],
      ['155_30149933', 1, 'payment pending'],
      ['155_30149933', 1, 'payment pending'],
      ['005_30663301', 10, 'payment pending'],
    ]);
    expect(new Set(placed?.items.map((item) => item.uuid)).size).toBe(4);
    expect(placed?.itemStates).toEqual(['payment pending']);
  });

  it('gives each delivery its own expense, with ids no demo order’s shipment has', () => {
    const maxOrderId = db.prepare<[], number>('SELECT max(id) FROM orders').pluck().get() ?? 0;
    const standard = { ...express, method: 'Standard', price: 490 };
    const reference = orders.place({
      ...order([
        { ...notebook, quantity: 1, shipment: 0 },
        { ...notebook, sku: '066_23294028', unitGrossPrice: 39353, quantity: 1, shipment: 1 },
      ]),
      shipments: [express, standard],
    });
    const placed = orders.find(21, reference);
    const [first, second] = placed?.expenses ?? [];
    expect(first?.idShipment).toBeGreaterThan(maxOrderId + 1);
    expect(second?.idShipment).toBeGreaterThan(first?.idShipment ?? 0);
    expect(placed?.items.map((item) => item.idShipment)).toEqual([
      first?.idShipment,
      second?.idShipment,
    ]);
    expect(placed?.totals).toMatchObject({ expenseTotal: 1080, subtotal: 8005 + 39353 });
    expect(placed?.shipments.map((shipment) => shipment.shipmentMethodName)).toEqual([
      'Express',
      'Standard',
    ]);
  });
});
