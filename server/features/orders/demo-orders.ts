/**
 * The demo customers' order history (contract §6): 2 to 5 orders each, of demo products, dated
 * relative to the day the database is created. Each customer's newest order was placed 3 to 21 days
 * before that day and delivered (returnable, §12); every other one 35 to 1020 days before it, so
 * more than 30 whole days old from the start (not returnable). Deterministic: a fixed pseudo-random
 * sequence per customer, so every database created on the same (UTC) day holds the same orders with
 * the same references, dates, items and states.
 *
 * Order references are Spryker's, `DE--<n>`, n from 1 in the order the orders were placed (across
 * all customers). A customer reference has the same form (`DE--21`): the two are different
 * sequences, and nothing looks an order up by anything but its reference and its customer.
 */
import { pick, randomSequence } from '../customers/generated-customers';

// spryker/sales SalesConfig::getOrderReferenceDefaults(): store + '-' + ENVIRONMENT_PREFIX (unset in the B2C demo shop: '') + '-'; spryker/sequence-number SequenceNumberConfig: offset 0, increment 1, so 1, 2, ….
export const ORDER_REFERENCE_PREFIX = 'DE--';
export const FIRST_ORDER_NUMBER = 1;

/** The reference of the `number`th order placed in store DE. */
export function orderReference(number: number): string {
  return `${ORDER_REFERENCE_PREFIX}${number}`;
}

/** An order address, with the fields of Spryker's order addresses the console shows. */
export interface OrderAddress {
  salutation: string | null;
  firstName: string;
  lastName: string;
  address1: string;
  address2: string;
  address3: string | null;
  zipCode: string;
  city: string;
  country: string;
  iso2Code: string;
  company: string | null;
  /** What checkout was sent (§9.4); the demo orders' addresses have none. */
  phone?: string | null;
}

/** Spryker's demo order states (the DummyPayment state machine), as item states are named. */
export type OrderItemState =
  'payment pending' | 'confirmed' | 'shipped' | 'delivered' | 'closed' | 'canceled';

export interface DemoOrderItem {
  sku: string;
  name: string;
  quantity: number;
  unitGrossPrice: number;
  state: OrderItemState;
}

export interface DemoOrder {
  reference: string;
  idCustomer: number;
  /** Spryker's timestamp format: "2025-10-21 14:03:27.513042". */
  createdAt: string;
  shipmentMethod: string;
  shipmentCarrier: string;
  shipmentPrice: number;
  billingAddress: OrderAddress;
  shippingAddress: OrderAddress;
  items: DemoOrderItem[];
}

export interface DemoOrderCustomer {
  id: number;
  salutation: string | null;
  firstName: string;
  lastName: string;
}

export interface DemoOrderProduct {
  sku: string;
  name: string;
  grossPrice: number;
}

/** A row of seed-data/shipment-methods.csv, the demo shop's shipment methods of store DE. */
export interface DemoShipmentMethod {
  key: string;
  name: string;
  carrierName: string;
  grossPrice: number;
}

const DAY_MS = 24 * 3600 * 1000;
/** Whole days before the creation day: the newest order of each customer, delivered. */
const NEWEST_DAYS = { from: 3, to: 21 } as const;
/**
 * Whole days before the creation day: every older order. From 35, it is at least 34 whole days old
 * when the database is made, whatever the time of day of either.
 */
const OLDER_DAYS = { from: 35, to: 1020 } as const;
/** Gift cards are not what the demo customers order. */
const NOT_ORDERED = new Set(['666_133']);

const CITIES: readonly (readonly [zipCode: string, city: string])[] = [
  ['10115', 'Berlin'],
  ['10437', 'Berlin'],
  ['12049', 'Berlin'],
  ['20095', 'Hamburg'],
  ['22767', 'Hamburg'],
  ['80331', 'München'],
  ['81667', 'München'],
  ['50667', 'Köln'],
  ['60311', 'Frankfurt am Main'],
  ['70173', 'Stuttgart'],
  ['40213', 'Düsseldorf'],
  ['04109', 'Leipzig'],
  ['01067', 'Dresden'],
  ['30159', 'Hannover'],
  ['90402', 'Nürnberg'],
  ['28195', 'Bremen'],
  ['44135', 'Dortmund'],
  ['53111', 'Bonn'],
  ['69117', 'Heidelberg'],
  ['24103', 'Kiel'],
];

const STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Schillerstraße',
  'Goethestraße',
  'Lindenallee',
  'Gartenweg',
  'Kirchgasse',
  'Am Markt',
  'Friedrichstraße',
  'Mozartstraße',
  'Rosenweg',
  'Birkenweg',
  'Bergstraße',
  'Schulstraße',
  'Waldstraße',
  'Ringstraße',
  'Uhlandstraße',
  'Beethovenstraße',
  'Kastanienallee',
  'Julie-Wolfthorn-Straße',
] as const;

const ADDRESS_EXTRAS = [null, null, null, null, 'Hinterhaus', '2. OG', '3. OG links'] as const;

const COMPANIES = [
  'Spryker Systems GmbH',
  'Nordwind Logistik GmbH',
  'Rheinblick Consulting AG',
  'Elbe Design Studio',
  'Alpenmedia GmbH',
  'Bäckerei Sommer',
] as const;

/** DHL Standard twice as often as DHL Express, by their keys in shipment-methods.csv. */
const SHIPMENT_KEYS = [
  'spryker_dummy_shipment-standard',
  'spryker_dummy_shipment-standard',
  'spryker_dummy_shipment-express',
] as const;

const LINE_COUNTS = [1, 1, 1, 2, 2, 3, 4] as const;
const QUANTITIES = [1, 1, 1, 1, 2, 2, 3] as const;

function address(
  random: () => number,
  customer: DemoOrderCustomer,
  company: string | null,
): OrderAddress {
  const [zipCode, city] = pick(random, CITIES);
  const houseNumber = 1 + Math.floor(random() * 120);
  return {
    salutation: customer.salutation,
    firstName: customer.firstName,
    lastName: customer.lastName,
    address1: pick(random, STREETS),
    address2: random() < 0.15 ? `${houseNumber}a` : String(houseNumber),
    address3: pick(random, ADDRESS_EXTRAS),
    zipCode,
    city,
    country: 'Germany',
    iso2Code: 'DE',
    company,
  };
}

function timestamp(ms: number, random: () => number): string {
  const micros = String(Math.floor(random() * 1_000_000)).padStart(6, '0');
  return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)}.${micros}`;
}

/** A time of day between 07:00 and 22:59 on the day of `dayMs`. */
function during(dayMs: number, random: () => number): number {
  const day = Math.floor(dayMs / DAY_MS) * DAY_MS;
  return day + 7 * 3600 * 1000 + Math.floor(random() * 16 * 3600) * 1000;
}

/** What the items of an order placed `ageDays` before the creation day have come to. */
function states(random: () => number, ageDays: number, lines: number): OrderItemState[] {
  const all = (state: OrderItemState): OrderItemState[] => Array<OrderItemState>(lines).fill(state);
  if (ageDays < OLDER_DAYS.from) return all('delivered');
  if (random() < 0.12) return all('canceled');
  const done = all(ageDays < 120 ? 'delivered' : 'closed');
  // Now and then one line was canceled before shipping, and the rest arrived.
  if (lines > 1 && random() < 0.2) done[lines - 1] = 'canceled';
  return done;
}

/** A whole number of days from `range.from` to `range.to`, both included. */
function daysIn(random: () => number, range: { from: number; to: number }): number {
  return range.from + Math.floor(random() * (range.to - range.from + 1));
}

function ordersOf(
  customer: DemoOrderCustomer,
  products: readonly DemoOrderProduct[],
  shipments: readonly DemoShipmentMethod[],
  creationDay: number,
): Omit<DemoOrder, 'reference'>[] {
  const random = randomSequence(0x0de5_0000 + customer.id * 7919);
  const home = address(random, customer, null);
  const count = 2 + Math.floor(random() * 4);
  const ages = [daysIn(random, NEWEST_DAYS)];
  for (let i = 1; i < count; i++) ages.push(daysIn(random, OLDER_DAYS));
  // Oldest first.
  ages.sort((a, b) => b - a);
  return ages.map((ageDays) => {
    const time = during(creationDay - ageDays * DAY_MS, random);
    const lines = pick(random, LINE_COUNTS);
    const chosen = new Set<DemoOrderProduct>();
    while (chosen.size < lines) chosen.add(pick(random, products));
    const itemStates = states(random, ageDays, lines);
    const shipment = pick(random, shipments);
    const shippingAddress =
      random() < 0.2 ? address(random, customer, pick(random, COMPANIES)) : home;
    return {
      idCustomer: customer.id,
      createdAt: timestamp(time, random),
      shipmentMethod: shipment.name,
      shipmentCarrier: shipment.carrierName,
      shipmentPrice: shipment.grossPrice,
      billingAddress: home,
      shippingAddress,
      items: [...chosen].map((product, index) => ({
        sku: product.sku,
        name: product.name,
        quantity: pick(random, QUANTITIES),
        unitGrossPrice: product.grossPrice,
        state: itemStates[index] ?? 'delivered',
      })),
    };
  });
}

/**
 * The orders of the given customers, oldest first, numbered in that order, dated relative to the
 * (UTC) day of `createdAtMs`, when the database is created (milliseconds since the epoch).
 */
export function generateDemoOrders(
  customers: readonly DemoOrderCustomer[],
  products: readonly DemoOrderProduct[],
  shipmentMethods: readonly DemoShipmentMethod[],
  createdAtMs: number,
): DemoOrder[] {
  const orderable = products.filter((product) => !NOT_ORDERED.has(product.sku));
  if (orderable.length < 4) throw new Error('The demo orders need at least 4 products.');
  const shipments = SHIPMENT_KEYS.map((key) => {
    const method = shipmentMethods.find((candidate) => candidate.key === key);
    if (method === undefined) throw new Error(`The demo orders need the shipment method ${key}.`);
    return method;
  });
  const creationDay = Math.floor(createdAtMs / DAY_MS) * DAY_MS;
  const orders = customers.flatMap((customer) =>
    ordersOf(customer, orderable, shipments, creationDay),
  );
  orders.sort((a, b) =>
    a.createdAt === b.createdAt ? a.idCustomer - b.idCustomer : a.createdAt < b.createdAt ? -1 : 1,
  );
  return orders.map((order, index) => ({
    reference: orderReference(FIRST_ORDER_NUMBER + index),
    ...order,
  }));
}
