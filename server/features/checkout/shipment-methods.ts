/**
 * The shipment methods of store DE (seed-data/shipment-methods.csv), what each delivery of a cart
 * may use, and the id Spryker gives a delivery (shipments-rest-api 1.14.0, spryker/shipment
 * 8.22.0, spryker/gift-card 1.10.0).
 */
import { createHash } from 'node:crypto';
import { readSeedCsv } from '../../platform/db';
import type { AddressInput } from './checkout-request';

export interface ShipmentMethod {
  id: number;
  name: string;
  carrierName: string;
  /** The DE price in EUR cents, gross: the demo data has no net prices. */
  grossPrice: number;
  /** As the sales tables hold it: "19.00". */
  taxRate: string;
  /** NoShipment: offered only to a delivery of gift cards alone. */
  giftCardsOnly: boolean;
}

/** The demo shop's gift-card products are the concrete products of abstract `666`. */
export const GIFT_CARD_ABSTRACT_SKU = '666';

function cents(value: string, column: string): number {
  if (!/^\d+$/.test(value)) {
    throw new Error(`seed-data/shipment-methods.csv: "${value}" in ${column} is not whole cents.`);
  }
  return Number(value);
}

export function readShipmentMethods(): ShipmentMethod[] {
  return readSeedCsv('shipment-methods.csv', [
    'id',
    'carrier_name',
    'name',
    'gross_price_eur_cents_de',
    'tax_rate',
    'offered_for',
  ]).map((record) => ({
    id: cents(record.id ?? '', 'id'),
    name: record.name ?? '',
    carrierName: record.carrier_name ?? '',
    grossPrice: cents(record.gross_price_eur_cents_de ?? '', 'gross_price_eur_cents_de'),
    taxRate: record.tax_rate ?? '',
    giftCardsOnly: (record.offered_for ?? '').includes('gift cards only'),
  }));
}

/** The shipment methods, read once: the seed is all there is. */
export class ShipmentMethods {
  readonly #methods: readonly ShipmentMethod[];

  constructor(methods: readonly ShipmentMethod[] = readShipmentMethods()) {
    this.#methods = methods;
  }

  /** The method with that id, whatever delivery it is for (`ShipmentFacade::findMethodById`). */
  find(id: number | null): ShipmentMethod | null {
    return id === null ? null : (this.#methods.find((method) => method.id === id) ?? null);
  }

  /**
   * What a delivery of these products may use: NoShipment alone for gift cards only, every other
   * method otherwise (`ShipmentGroupMethodFilter`, `GiftCardConfig`), in id order.
   */
  availableFor(abstractSkus: readonly string[]): ShipmentMethod[] {
    const giftCardsOnly =
      abstractSkus.length > 0 && abstractSkus.every((sku) => sku === GIFT_CARD_ABSTRACT_SKU);
    return this.#methods.filter((method) => method.giftCardsOnly === giftCardsOnly);
  }
}

const PHP_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\u0022',
  '\\': '\\\\',
  '/': '\\/',
  '<': '\\u003C',
  '>': '\\u003E',
  "'": '\\u0027',
  '&': '\\u0026',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A string as PHP's json_encode writes it with Spryker's flags: UTF-16 units outside ASCII. */
function phpJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const unit = text.charCodeAt(i);
    const escaped = PHP_ESCAPES[char];
    if (escaped !== undefined) out += escaped;
    else if (unit < 0x20 || unit > 0x7f) out += `\\u${unit.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/**
 * PHP's json_encode of a flat map with Spryker's default flags (JSON_HEX_TAG, HEX_APOS, HEX_AMP,
 * HEX_QUOT; spryker/util-encoding `Json::DEFAULT_OPTIONS`); an empty one is PHP's `[]`.
 */
export function phpJson(value: Readonly<Record<string, string>>): string {
  const entries = Object.entries(value);
  if (entries.length === 0) return '[]';
  return `{${entries.map(([key, item]) => `${phpJsonString(key)}:${phpJsonString(item)}`).join(',')}}`;
}

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

// spryker/customer 7.59.0 `CustomerConfig::getAddressKeyGenerationWhiteListedFields()`.
const ADDRESS_KEY_FIELDS = [
  'firstName',
  'lastName',
  'address1',
  'address2',
  'address3',
  'company',
  'city',
  'zipCode',
  'iso2Code',
  'salutation',
  'phone',
] as const;

/**
 * A delivery's id: `ShipmentHashGenerator::getShipmentHashKey()`, md5 of the method's name and
 * carrier, the address's key (md5 of its non-empty fields), the requested date and the (empty)
 * additional data.
 */
export function shipmentHash(
  method: ShipmentMethod | null,
  address: AddressInput | null,
  requestedDeliveryDate: string | null,
): string {
  const methodKey =
    method === null
      ? ''
      : phpJson({
          ...(method.name === '' ? {} : { name: method.name }),
          ...(method.carrierName === '' ? {} : { carrierName: method.carrierName }),
        });
  let addressKey = '';
  if (address !== null) {
    const fields: Record<string, string> = {};
    for (const field of ADDRESS_KEY_FIELDS) {
      const value = address[field];
      if (value !== null && value !== '') fields[field] = value;
    }
    addressKey = md5(phpJson(fields));
  }
  return md5(`${methodKey}-${addressKey}-${requestedDeliveryDate ?? ''}-[]`);
}
