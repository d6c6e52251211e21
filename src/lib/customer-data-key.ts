/** Every query about the customer acted as starts with this key, so ending a session removes them all. */
export const CUSTOMER_DATA_KEY = ['customer'] as const;

/** The key prefix for one customer's data: keyed by who is acted as, never shared between customers. */
export function customerKey(customerReference: string) {
  return [...CUSTOMER_DATA_KEY, customerReference] as const;
}
