/**
 * Checkout's work in Zed (§9.5 step 3): the caller's cart with the request's addresses, deliveries
 * and payment applied to a copy of it, what `checkout-data` answers about it, and the order
 * `checkout` places from it. spryker/checkout-rest-api 3.10.0 `CheckoutValidator`,
 * `PlaceOrderProcessor`, `CheckoutDataReader`, with the demo shop's validator plugins.
 */
import type Database from 'better-sqlite3';
import { countryOf } from '../addresses/addresses';
import type { CustomerAddress, CustomerAddresses } from '../addresses/addresses';
import type { Actor, AuditEntry, ImpersonationAudit } from '../agents/audit';
import type { CartCodes } from '../cart-codes/cart-codes';
import { priceLines } from '../cart-codes/cart-pricing';
import type { Cart, CartItem, Carts } from '../carts/carts';
import { orderItemQuantities } from '../orders/orders';
import type { NewOrderItem, NewOrderShipment, Orders } from '../orders/orders';
import type { OrderAddress } from '../orders/demo-orders';
import type { Catalog } from '../products/catalog';
import { Errors, GlueError, withDetail } from '../../platform/errors';
import type { GlueErrorSpec } from '../../platform/errors';
import { STORE, cartTotals, priceLine } from '../../platform/pricing';
import type { AddressInput, CheckoutRequest } from './checkout-request';
import { HARD_MAXIMUM_CENTS, checkoutMessage, formatMoney } from './messages';
import type { CheckoutMessage } from './messages';
import type { PaymentMethod, PaymentMethods } from './payment-methods';
import { shipmentHash } from './shipment-methods';
import type { ShipmentMethod, ShipmentMethods } from './shipment-methods';

/** One delivery of the cart: the items that go together, with their method, address and date. */
export interface ShipmentGroup {
  /** The `shipments` resource's id (`ShipmentHashGenerator`). */
  hash: string;
  items: CartItem[];
  /** Null when the request chose none, or none this delivery may use. */
  method: ShipmentMethod | null;
  address: AddressInput | null;
  requestedDeliveryDate: string | null;
  /** What this delivery may use, in id order. */
  available: ShipmentMethod[];
}

/** What `POST /checkout-data` answers about the cart (§9.2). */
export interface CheckoutData {
  cart: Cart;
  /** The customer's saved addresses (§8), for `include=addresses`. */
  addresses: CustomerAddress[];
  /** Empty for an empty cart: a delivery is made of items. */
  groups: ShipmentGroup[];
  /** The requested payments named by the provider key (§9.2 `selectedPaymentMethods`). */
  selectedPaymentMethods: PaymentMethod[];
}

/** Who checks out: a customer (maybe through an agent), or an agent's own token, which has no cart. */
export interface CheckoutCaller {
  idCustomer: number | null;
  customerReference: string | null;
  actor: Actor | null;
}

interface ItemShipment {
  method: ShipmentMethod | null;
  /** The request chose a method this delivery may not use, or none that exists. */
  unknownMethod: boolean;
  address: AddressInput | null;
  requestedDeliveryDate: string | null;
}

const EMPTY_ADDRESS: AddressInput = {
  id: null,
  salutation: null,
  firstName: null,
  lastName: null,
  address1: null,
  address2: null,
  address3: null,
  zipCode: null,
  city: null,
  country: null,
  iso2Code: null,
  company: null,
  phone: null,
  isDefaultBilling: null,
  isDefaultShipping: null,
};

export interface CheckoutDependencies {
  carts: Carts;
  /** §10: the vouchers an order uses up. */
  cartCodes: CartCodes;
  orders: Orders;
  audit: ImpersonationAudit;
  catalog: Catalog;
  shipmentMethods: ShipmentMethods;
  paymentMethods: PaymentMethods;
  /** §8: the addresses an `id` names, and what `include=addresses` lists. */
  addresses: CustomerAddresses;
}

/** A saved address (§8) as the request's address transfer holds it once Zed has read it. */
function savedInput(address: CustomerAddress): AddressInput {
  const { attributes } = address;
  return {
    id: address.uuid,
    salutation: attributes.salutation,
    firstName: attributes.firstName,
    lastName: attributes.lastName,
    address1: attributes.address1,
    address2: attributes.address2,
    address3: attributes.address3,
    zipCode: attributes.zipCode,
    city: attributes.city,
    country: attributes.country,
    iso2Code: attributes.iso2Code,
    company: attributes.company,
    phone: attributes.phone,
    isDefaultBilling: attributes.isDefaultBilling,
    isDefaultShipping: attributes.isDefaultShipping,
  };
}

/** Spryker's countries (every CLDR one, §8.1), in any letter case: whether the code names one. */
function isCountry(iso2Code: string): boolean {
  return countryOf(iso2Code) !== null;
}

export class Checkout {
  readonly #deps: CheckoutDependencies;
  readonly #read: (
    caller: CheckoutCaller,
    request: CheckoutRequest,
    locale: string,
  ) => CheckoutData;
  readonly #place: Database.Transaction<
    (caller: CheckoutCaller, request: CheckoutRequest, locale: string) => string
  >;

  constructor(db: Database.Database, deps: CheckoutDependencies) {
    this.#deps = deps;
    // A read in one snapshot; nothing is written.
    this.#read = db.transaction(
      (caller: CheckoutCaller, request: CheckoutRequest, locale: string) =>
        this.#readData(caller, request, locale),
    );
    this.#place = db.transaction(
      (caller: CheckoutCaller, request: CheckoutRequest, locale: string) =>
        this.#placeOrder(caller, request, locale),
    );
  }

  /** The payment methods `include=payment-methods` lists (§9.2), in import order. */
  paymentMethods(): readonly PaymentMethod[] {
    return this.#deps.paymentMethods.all();
  }

  /** §9.2: the cart with the request applied to a copy of it; 1103, or 1101 for its checks. */
  readData(caller: CheckoutCaller, request: CheckoutRequest, locale: string): CheckoutData {
    return this.#read(caller, request, locale);
  }

  /**
   * §9.3: places the order and deletes the cart, in one IMMEDIATE transaction that reads the
   * cart again under the write lock: a checkout that fails changes nothing, and of two checkouts
   * of one cart only the first finds it (the other answers 1103).
   */
  place(caller: CheckoutCaller, request: CheckoutRequest, locale: string): string {
    return this.#place.immediate(caller, request, locale);
  }

  #cart(caller: CheckoutCaller, request: CheckoutRequest): Cart {
    const cart =
      caller.idCustomer === null || request.idCart === null
        ? null
        : this.#deps.carts.find(caller.idCustomer, request.idCart);
    if (cart === null) throw new GlueError(Errors.checkoutCartNotFound);
    return cart;
  }

  #readData(caller: CheckoutCaller, request: CheckoutRequest, locale: string): CheckoutData {
    const cart = this.#cart(caller, request);
    const shipments = this.#itemShipments(caller, cart, request);
    // The demo shop's read validators: items without a delivery, then the hard maximum.
    fail(Errors.checkoutDataInvalid, [
      ...this.#itemsWithoutShipment(cart, request, shipments, locale),
      ...this.#aboveMaximum(cart, locale),
    ]);
    return {
      cart,
      addresses:
        caller.idCustomer === null ? [] : this.#deps.addresses.addressesOf(caller.idCustomer),
      groups: this.#groups(cart, shipments),
      selectedPaymentMethods: request.payments.flatMap((payment) => {
        const method = this.#deps.paymentMethods.selected(
          payment.paymentProviderName,
          payment.paymentMethodName,
        );
        return method === null ? [] : [method];
      }),
    };
  }

  #placeOrder(caller: CheckoutCaller, request: CheckoutRequest, locale: string): string {
    const cart = this.#cart(caller, request);
    if (cart.items.length === 0) throw new GlueError(Errors.checkoutCartIsEmpty);
    const idCustomer = caller.idCustomer ?? 0;
    const shipments = this.#itemShipments(caller, cart, request);
    // The demo shop's checkout data validators, in its order, collected.
    fail(Errors.orderNotPlaced, [
      ...this.#unknownShipmentMethods(request, cart, shipments, locale),
      ...this.#itemsWithoutShipment(cart, request, shipments, locale),
      ...this.#unknownSavedAddresses(idCustomer, request, locale),
      ...this.#unknownCountries(request, shipments, locale),
    ]);
    // The checkout's pre-conditions, collected: the hard maximum, then the payment.
    const [payment] = request.payments;
    const paymentValid =
      payment !== undefined &&
      this.#deps.paymentMethods.accepts(payment.paymentProviderName, payment.paymentMethodName);
    fail(Errors.orderNotPlaced, [
      ...this.#aboveMaximum(cart, locale),
      ...(paymentValid ? [] : [message('paymentNotValid', locale)]),
    ]);
    const groups = this.#groups(cart, shipments);
    const names = new Map(
      this.#deps.catalog
        .concreteProducts(
          cart.items.map((item) => item.sku),
          locale,
        )
        .map((product) => [product.sku, product.name]),
    );
    const orderShipments = groups.map((group): NewOrderShipment => ({
      method: group.method?.name ?? '',
      carrier: group.method?.carrierName ?? '',
      price: group.method?.grossPrice ?? 0,
      address: this.#orderAddress(group.address ?? EMPTY_ADDRESS),
      requestedDeliveryDate: group.requestedDeliveryDate,
    }));
    const [first, ...rest] = orderShipments;
    if (first === undefined) throw new GlueError(Errors.checkoutCartIsEmpty);
    // Spryker splits the items before it saves the order and prices the split items again: each
    // order item gets its own share of the cart's discounts, and the gift cards pay its total.
    const lines = cart.items.flatMap((item) =>
      orderItemQuantities(item.quantity).map((quantity) => ({ ...item, quantity, item })),
    );
    const priced = priceLines(
      lines,
      {
        store: cart.store,
        currency: cart.currency,
        priceMode: cart.priceMode,
        codes: cart.codes,
        at: cart.readAt,
      },
      orderShipments.reduce((sum, shipment) => sum + shipment.price, 0),
    );
    const items = priced.lines.map(({ line, taken }): NewOrderItem => {
      const shipment = groups.findIndex((group) => group.items.includes(line.item));
      return {
        sku: line.sku,
        name: names.get(line.sku) ?? line.sku,
        quantity: line.quantity,
        unitGrossPrice: priceLine(line.grossPrice, 1, cart.priceMode).calculations.unitGrossPrice,
        shipment: Math.max(shipment, 0),
        discounts: priced.shared.flatMap((voucher) => {
          const share = taken.get(voucher.discount.idDiscount);
          return share === undefined || share.sum === 0
            ? []
            : [
                {
                  idDiscount: voucher.discount.idDiscount,
                  displayName: voucher.discount.displayName,
                  description: voucher.discount.description,
                  voucherCode: voucher.code,
                  unitAmount: share.unit,
                  amount: share.sum,
                },
              ];
        }),
      };
    });
    const billing =
      request.billingAddress === null
        ? EMPTY_ADDRESS
        : this.#resolve(idCustomer, request.billingAddress);
    const reference = this.#deps.orders.place({
      idCustomer,
      store: STORE,
      currency: cart.currency,
      priceMode: cart.priceMode,
      billingAddress: this.#orderAddress(billing),
      shipments: [first, ...rest],
      items,
      payment: {
        provider: payment?.paymentProviderName ?? '',
        method: payment?.paymentMethodName ?? '',
      },
      giftCardPayments: priced.giftCards.map(({ giftCard, amount }) => ({
        giftCardId: giftCard.id,
        amount,
      })),
    });
    // A use of each voucher the order's items were discounted by, counted with the order (§10;
    // `DiscountOrderSaver` uses the codes of the discounts it saves).
    this.#deps.cartCodes.countUses(
      priced.shared.filter((voucher) =>
        items.some((item) =>
          item.discounts?.some((discount) => discount.idDiscount === voucher.discount.idDiscount),
        ),
      ),
    );
    // checkout-rest-api deletes the cart after the order (deleteCartAfterOrderCreation).
    if (!this.#deps.carts.removeOrdered(idCustomer, cart.uuid)) {
      throw new GlueError(Errors.unableToDeleteCart);
    }
    if (caller.actor !== null) {
      const entry: AuditEntry = {
        method: 'POST',
        resource: 'checkout',
        cartUuid: cart.uuid,
        cartName: cart.name,
        orderReference: reference,
      };
      this.#deps.audit.recordSuccess(caller.actor, entry, 201);
    }
    return reference;
  }

  /**
   * A saved address (§8) when `id` names one of the customer's, else the address as sent, whose
   * `id` then names nothing (`AddressQuoteMapper`).
   */
  #resolve(idCustomer: number, address: AddressInput): AddressInput {
    if (address.id === null) return address;
    const saved = this.#deps.addresses.addressById(idCustomer, address.id);
    return saved === null ? { ...address, id: null } : savedInput(saved);
  }

  /**
   * Each cart item's delivery, as the quote mappers set it: the last `shipments` entry naming
   * its group key, or the one `shipment` with the `shippingAddress`, or none.
   */
  #itemShipments(
    caller: CheckoutCaller,
    cart: Cart,
    request: CheckoutRequest,
  ): Map<CartItem, ItemShipment | null> {
    const idCustomer = caller.idCustomer ?? 0;
    const chosen = (
      id: number | null,
      sent: boolean,
      items: readonly CartItem[],
    ): { method: ShipmentMethod | null; unknownMethod: boolean } => {
      const method = this.#deps.shipmentMethods.find(id);
      const available = this.#deps.shipmentMethods.availableFor(
        items.map((item) => item.abstractSku),
      );
      const usable = method !== null && available.some((offered) => offered.id === method.id);
      return { method: usable ? method : null, unknownMethod: sent && !usable };
    };
    const result = new Map<CartItem, ItemShipment | null>();
    if (request.shipments.length > 0) {
      for (const item of cart.items) {
        const entry = request.shipments.findLast((candidate) => candidate.items.includes(item.sku));
        result.set(item, null);
        if (entry === undefined) continue;
        const together = cart.items.filter((other) => entry.items.includes(other.sku));
        result.set(item, {
          ...chosen(entry.idShipmentMethod, true, together),
          address:
            entry.shippingAddress === null
              ? null
              : this.#resolve(idCustomer, entry.shippingAddress),
          requestedDeliveryDate: entry.requestedDeliveryDate,
        });
      }
      return result;
    }
    const single: ItemShipment = {
      ...chosen(request.shipment?.idShipmentMethod ?? null, request.shipment !== null, cart.items),
      address:
        request.shippingAddress === null
          ? null
          : this.#resolve(idCustomer, request.shippingAddress),
      requestedDeliveryDate: null,
    };
    for (const item of cart.items) result.set(item, single);
    return result;
  }

  /** `ShipmentService::groupItemsByShipment()`: items with one hash go together, in cart order. */
  #groups(cart: Cart, shipments: ReadonlyMap<CartItem, ItemShipment | null>): ShipmentGroup[] {
    const groups = new Map<string, ShipmentGroup>();
    for (const item of cart.items) {
      const shipment = shipments.get(item) ?? null;
      const method = shipment?.method ?? null;
      const address = shipment?.address ?? null;
      const date = shipment?.requestedDeliveryDate ?? null;
      const hash = shipmentHash(method, address, date);
      const group = groups.get(hash) ?? {
        hash,
        items: [],
        method,
        address,
        requestedDeliveryDate: date,
        available: [],
      };
      group.items.push(item);
      groups.set(hash, group);
    }
    for (const group of groups.values()) {
      group.available = this.#deps.shipmentMethods.availableFor(
        group.items.map((item) => item.abstractSku),
      );
    }
    return [...groups.values()];
  }

  /** `CartItemCheckoutDataValidator`: with `shipments`, every item must be in one of them. */
  #itemsWithoutShipment(
    cart: Cart,
    request: CheckoutRequest,
    shipments: ReadonlyMap<CartItem, ItemShipment | null>,
    locale: string,
  ): string[] {
    if (request.shipments.length === 0) return [];
    return cart.items
      .filter((item) => shipments.get(item) === null)
      .map((item) => message('noShipmentSelected', locale, { '%id%': item.sku }));
  }

  /**
   * `ShipmentMethodCheckoutDataValidator` checks the one `shipment`; a `shipments` entry whose
   * method does not exist or may not carry its items is refused the same way by the stand-in.
   */
  #unknownShipmentMethods(
    request: CheckoutRequest,
    cart: Cart,
    shipments: ReadonlyMap<CartItem, ItemShipment | null>,
    locale: string,
  ): string[] {
    if (request.shipments.length === 0) {
      const single = cart.items.length === 0 ? null : shipments.get(cart.items[0] as CartItem);
      return request.shipment !== null && single?.unknownMethod === true
        ? [message('shipmentMethodNotFound', locale)]
        : [];
    }
    const refused = new Set(
      request.shipments.filter((entry) =>
        cart.items.some(
          (item) => entry.items.includes(item.sku) && shipments.get(item)?.unknownMethod === true,
        ),
      ),
    );
    return [...refused].map(() => message('shipmentMethodNotFound', locale));
  }

  /** `CustomerAddressValidator`: a delivery's address id must be one of the customer's (§8). */
  #unknownSavedAddresses(idCustomer: number, request: CheckoutRequest, locale: string): string[] {
    return request.shipments.flatMap((entry) => {
      const id = entry.shippingAddress?.id ?? null;
      if (id === null || id === '') return [];
      return this.#deps.addresses.addressById(idCustomer, id) === null
        ? [message('customerAddressNotFound', locale, { '%id%': id })]
        : [];
    });
  }

  /**
   * `CountryCheckoutDataValidator::validateCountriesInCheckoutData()`: a billing address, its
   * country when it names one, then every delivery's. The one `shippingAddress` is checked the
   * same way by the stand-in (Spryker fails on it later, in saving the order).
   */
  #unknownCountries(
    request: CheckoutRequest,
    shipments: ReadonlyMap<CartItem, ItemShipment | null>,
    locale: string,
  ): string[] {
    if (request.billingAddress === null) return [message('billingAddressMissing', locale)];
    const billing = request.billingAddress.iso2Code;
    if (billing !== null && billing !== '' && !isCountry(billing)) {
      return [message('billingCountryNotFound', locale, { '%code%': billing })];
    }
    const codes =
      request.shipments.length > 0
        ? request.shipments.map((entry) => entry.shippingAddress?.iso2Code ?? null)
        : [[...shipments.values()][0]?.address?.iso2Code ?? null];
    return codes.flatMap((code) =>
      code === null || code === '' || isCountry(code)
        ? []
        : [message('shippingCountryNotFound', locale, { '%code%': code })],
    );
  }

  /** The store's hard maximum (DE, EUR): a subtotal above 1 000 000 cents. */
  #aboveMaximum(cart: Cart, locale: string): string[] {
    const subtotal = cartTotals(
      cart.items.map((item) => priceLine(item.grossPrice, item.quantity, cart.priceMode)),
      cart.priceMode,
    ).subtotal;
    if (subtotal <= HARD_MAXIMUM_CENTS) return [];
    return [
      message('cartValueAboveMaximum', locale, {
        '{{threshold}}': formatMoney(HARD_MAXIMUM_CENTS, cart.currency, locale),
      }),
    ];
  }

  /** An order address (§9.4): the address as sent or saved, its country named in English. */
  #orderAddress(address: AddressInput): OrderAddress {
    const country = countryOf(address.iso2Code ?? '');
    return {
      salutation: address.salutation,
      firstName: address.firstName ?? '',
      lastName: address.lastName ?? '',
      address1: address.address1 ?? '',
      address2: address.address2 ?? '',
      address3: address.address3,
      zipCode: address.zipCode ?? '',
      city: address.city ?? '',
      country: country?.name ?? '',
      iso2Code: country?.iso2Code ?? address.iso2Code ?? '',
      company: address.company,
      phone: address.phone,
    };
  }
}

function message(
  key: CheckoutMessage,
  locale: string,
  parameters: Readonly<Record<string, string>> = {},
): string {
  return checkoutMessage(key, locale, parameters);
}

/** Throws the collected checks' messages as `spec` errors, one each; nothing when none failed. */
function fail(spec: GlueErrorSpec, messages: readonly string[]): void {
  const [first, ...rest] = messages.map((detail) => withDetail(spec, detail));
  if (first !== undefined) throw new GlueError(first, ...rest);
}
