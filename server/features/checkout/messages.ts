/**
 * The glossary texts of the checks behind 1101 and 1102 (§9.6), which Glue translates into the
 * request's locale (checkout-rest-api 3.10.0 `RestCheckoutErrorMapper`), with their parameters
 * filled in as PHP's strtr() does. From the demo shop's `data/import/common/common/glossary.csv`.
 */
export const CHECKOUT_MESSAGES = {
  shipmentMethodNotFound: {
    en_US: 'Shipment method not found.',
    de_DE: 'Versandart nicht gefunden.',
  },
  paymentNotValid: {
    en_US: 'Checkout payment is not valid',
    de_DE: 'Checkout Zahlung ist ungültig',
  },
  billingAddressMissing: {
    en_US: 'Billing address is missing',
    de_DE: 'Rechnungsadresse fehlt',
  },
  billingCountryNotFound: {
    en_US: 'Billing address country not found for country code: %code%',
    de_DE: 'Rechnungsadresse Land für Ländercode nicht gefunden: %code%',
  },
  shippingCountryNotFound: {
    en_US: 'Shipping address country not found for country code: %code%',
    de_DE: 'Lieferadresse Land für Ländercode nicht gefunden: %code%',
  },
  noShipmentSelected: {
    en_US: 'No shipment selected for the cart item %id%.',
    de_DE: 'Es wurde keine Lieferung für den Warenkorbartikel %id% ausgewählt.',
  },
  // The German text starts with a space in the glossary.
  customerAddressNotFound: {
    en_US: 'Customer address with ID %id% not found.',
    de_DE: ' Kundenaddresse mit ID %id% wurde nicht gefunden.',
  },
  cartValueAboveMaximum: {
    en_US:
      'The cart value cannot be higher than {{threshold}}. Please remove some items to proceed with the order',
    de_DE:
      'Der Warenkorbwert darf nicht höher als {{threshold}} sein. Bitte entfernen Sie einige Artikel, um mit der Bestellung fortzufahren',
  },
} as const satisfies Record<string, Record<'en_US' | 'de_DE', string>>;

export type CheckoutMessage = keyof typeof CHECKOUT_MESSAGES;

/** A check's message in the locale (en_US for any other), its parameters put in. */
export function checkoutMessage(
  message: CheckoutMessage,
  locale: string,
  parameters: Readonly<Record<string, string>> = {},
): string {
  const texts: Record<string, string> = CHECKOUT_MESSAGES[message];
  const template = texts[locale] ?? CHECKOUT_MESSAGES[message].en_US;
  const keys = Object.keys(parameters);
  if (keys.length === 0) return template;
  // strtr(): longest keys first, each place replaced once.
  const pattern = new RegExp(
    keys
      .sort((a, b) => b.length - a.length)
      .map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  return template.replace(pattern, (key) => parameters[key] ?? key);
}

/** The store's hard maximum for DE/EUR (`sales_order_threshold.csv`), in cents of the subtotal. */
export const HARD_MAXIMUM_CENTS = 1_000_000;

/** How Spryker's money formatter writes an amount of cents in the locale: `€10,000.00`. */
export function formatMoney(cents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale.replace('_', '-'), { style: 'currency', currency }).format(
    cents / 100,
  );
}
