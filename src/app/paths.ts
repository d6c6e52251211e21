/** The address of a customer's screen; it can be bookmarked or shared (no token in it). */
export function customerPath(customerReference: string): string {
  return `/customers/${encodeURIComponent(customerReference)}`;
}

export function cartPath(customerReference: string, cartId: string): string {
  return `${customerPath(customerReference)}/carts/${encodeURIComponent(cartId)}`;
}

export function checkoutPath(customerReference: string, cartId: string): string {
  return `${cartPath(customerReference, cartId)}/checkout`;
}

export function orderPath(customerReference: string, orderReference: string): string {
  return `${customerPath(customerReference)}/orders/${encodeURIComponent(orderReference)}`;
}

export function ordersPath(customerReference: string): string {
  return `${customerPath(customerReference)}/orders`;
}

export function addressesPath(customerReference: string): string {
  return `${customerPath(customerReference)}/addresses`;
}

export function profilePath(customerReference: string): string {
  return `${customerPath(customerReference)}/profile`;
}

export function wishlistsPath(customerReference: string): string {
  return `${customerPath(customerReference)}/wishlists`;
}

export function wishlistPath(customerReference: string, wishlistId: string): string {
  return `${wishlistsPath(customerReference)}/${encodeURIComponent(wishlistId)}`;
}
