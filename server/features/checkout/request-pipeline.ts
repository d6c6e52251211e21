import type { Context } from 'hono';
import type { AuditEntry } from '../agents/audit';
import { probeCaller } from '../../platform/auth';
import { Errors, GlueError } from '../../platform/errors';
import { readRequestAttributes } from '../../platform/jsonapi';
import { requestLocale } from '../../platform/locale';
import type { GlueServices } from '../../platform/services';
import type { CheckoutCaller } from './checkout';
import { checkRequestRules, checkoutModuleErrors, readCheckoutRequest } from './checkout-request';
import type { CheckoutEndpoint, CheckoutRequest } from './checkout-request';

export interface CheckoutContext {
  caller: CheckoutCaller;
  request: CheckoutRequest;
  /** §7.2: the locale 1101 and 1102 details, and order item names, are in. */
  locale: string;
}

/**
 * Steps 1 and 2 of §9.5 for both endpoints, then `work` (step 3): the request document (400),
 * an invalid token (401 001), the request rules (422 901), then the checkout module's checks in
 * Glue, collected (1105, 1107, billing fields, 43xx). What an agent tries through an
 * impersonation token at `/checkout` is audited when it fails, as cart changes are; the order it
 * places is audited by the transaction that places it.
 */
export async function runCheckout<T>(
  c: Context,
  { tokens, audit, stores }: Pick<GlueServices, 'tokens' | 'audit' | 'stores'>,
  endpoint: CheckoutEndpoint,
  work: (context: CheckoutContext) => T,
): Promise<T> {
  const probe = await probeCaller(c, tokens);
  const customer =
    probe.kind === 'caller' && probe.caller.kind === 'customer' ? probe.caller : null;
  const entry: AuditEntry = { method: 'POST', resource: 'checkout', cartUuid: null };
  const steps = async (): Promise<T> => {
    const attributes = await readRequestAttributes(c, endpoint);
    if (typeof attributes.idCart === 'string') entry.cartUuid = attributes.idCart;
    if (probe.kind === 'invalid') throw new GlueError(Errors.invalidAccessToken);
    checkRequestRules(endpoint, attributes);
    const request = readCheckoutRequest(attributes);
    const [first, ...rest] = checkoutModuleErrors(endpoint, request, probe.kind === 'caller');
    if (first !== undefined) throw new GlueError(first, ...rest);
    const caller: CheckoutCaller = {
      // An agent's own token is a user without carts: Zed finds no cart of theirs (1103).
      idCustomer: customer?.idCustomer ?? null,
      customerReference: customer?.customerReference ?? null,
      actor: customer,
    };
    return work({ caller, request, locale: requestLocale(c, stores) });
  };
  return endpoint === 'checkout' && customer !== null
    ? audit.guard(customer, entry, steps)
    : steps();
}
