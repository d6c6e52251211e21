/** The address of a customer's screen; it can be bookmarked or shared (no token in it). */
export function customerPath(customerReference: string): string {
  return `/customers/${encodeURIComponent(customerReference)}`;
}
