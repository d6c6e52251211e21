/**
 * The payment methods of store DE (seed-data/payment-methods.csv) as `payment-methods` answers
 * them, and the payments checkout accepts (§9.1): spryker/payments-rest-api 1.3.0,
 * spryker/payment 5.26.0, spryker/dummy-payment 2.8.0.
 */
import { readSeedCsv } from '../../platform/db';

export interface PaymentMethod {
  id: string;
  paymentMethodName: string;
  /** The provider key, which Glue answers (`PaymentMethodMapper`). */
  paymentProviderName: string;
  priority: number;
  requiredRequestData: string[];
}

/** `DummyPaymentConfig::PROVIDER_NAME`: what Spryker's tests and the demo shop's Glue send. */
export const DUMMY_PAYMENT_PROVIDER = 'DummyPayment';

export function readPaymentMethods(): PaymentMethod[] {
  return readSeedCsv('payment-methods.csv', [
    'id',
    'payment_method_name',
    'payment_provider_name',
    'priority',
    'required_request_data',
  ]).map((record) => ({
    id: record.id ?? '',
    paymentMethodName: record.payment_method_name ?? '',
    paymentProviderName: record.payment_provider_name ?? '',
    priority: Number(record.priority ?? ''),
    requiredRequestData: (record.required_request_data ?? '')
      .split('|')
      .filter((part) => part !== ''),
  }));
}

/** The payment methods, read once, in their import order. */
export class PaymentMethods {
  readonly #methods: readonly PaymentMethod[];

  constructor(methods: readonly PaymentMethod[] = readPaymentMethods()) {
    this.#methods = methods;
  }

  all(): readonly PaymentMethod[] {
    return this.#methods;
  }

  /**
   * checkout-data's `selectedPaymentMethods` (§9.2): a requested payment named by the provider
   * key and a method of it; `DummyPayment` is not the key, so it selects nothing.
   */
  selected(providerName: string, methodName: string): PaymentMethod | null {
    return (
      this.#methods.find(
        (method) =>
          method.paymentProviderName === providerName && method.paymentMethodName === methodName,
      ) ?? null
    );
  }

  /**
   * What an order may be paid with (`PaymentMethodValidator`, `PaymentExpander`): a method of
   * the provider, named by its key or by the dummy provider's name.
   */
  accepts(providerName: string, methodName: string): boolean {
    return this.#methods.some(
      (method) =>
        method.paymentMethodName === methodName &&
        (method.paymentProviderName === providerName || providerName === DUMMY_PAYMENT_PROVIDER),
    );
  }
}
