import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import * as z from 'zod/mini';
import { toDate } from '../../../i18n/format';
import { message } from '../../../i18n/translate';
import { GlueError, GlueUnreachableError } from '../../../lib/glue-errors';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import { NO_ITEM, failedWith, useSessionLog } from '../../activity/session-log';
import type { AddressFields } from '../../addresses/api/address-schemas';
import { attributesOf } from '../../addresses/api/change-address';
import { cartQueries } from '../../carts/api/cart-queries';
import {
  newestOrder,
  orderQueries,
  orderResourceSchema,
  type OrderDetail,
} from '../../orders/api/order-queries';
import type { PaymentMethod, ShipmentMethod } from './checkout-data';

const checkoutDocumentSchema = z.object({
  data: z.object({
    type: z.literal('checkout'),
    attributes: z.object({ orderReference: z.string() }),
  }),
  included: z.optional(z.array(z.looseObject({ type: z.string(), id: z.string() }))),
});

export interface OrderRequest {
  cartId: string;
  shippingAddress: AddressFields;
  billingAddress: AddressFields;
  shipment: ShipmentMethod;
  payment: PaymentMethod;
  /** What the agent was shown on the button: recorded with the order. */
  grandTotal: number;
  currency: string;
}

/** An address as §9.1 takes it: §8's attributes, optional ones left out when empty. */
const addressOf = (fields: AddressFields) =>
  Object.fromEntries(Object.entries(attributesOf(fields)).filter(([, value]) => value !== null));

/** The order Glue placed; `charged` is its grand total as the shop computed it, when answered. */
export interface PlacedOrder {
  reference: string;
  order: OrderDetail | null;
  charged: number | null;
}

export async function placeOrder(
  session: GlueSession,
  request: OrderRequest,
): Promise<PlacedOrder> {
  const document = await session.asCustomer({
    method: 'POST',
    path: '/checkout?include=orders',
    body: {
      data: {
        type: 'checkout',
        attributes: {
          idCart: request.cartId,
          billingAddress: addressOf(request.billingAddress),
          shippingAddress: addressOf(request.shippingAddress),
          shipment: { idShipmentMethod: request.shipment.id },
          payments: [
            {
              paymentProviderName: request.payment.providerName,
              paymentMethodName: request.payment.methodName,
            },
          ],
        },
      },
    },
    schema: checkoutDocumentSchema,
  });
  const reference = document.data.attributes.orderReference;
  const included = document.included?.find((r) => r.type === 'orders' && r.id === reference);
  const parsed = included ? orderResourceSchema.safeParse(included) : undefined;
  const order = parsed?.success ? parsed.data : null;
  return { reference, order, charged: order?.attributes.totals.grandTotal ?? null };
}

/**
 * After a lost answer the order may be placed already, and the cart gone with it (1103): then the
 * customer's newest order, placed since this session began and not one it placed before, is it.
 */
async function placedSince(
  session: GlueSession,
  since: number,
  known: ReadonlySet<string>,
): Promise<PlacedOrder | null> {
  const newest = await newestOrder(session);
  if (!newest || known.has(newest.reference)) return null;
  const placedAt = toDate(newest.createdAt).getTime();
  // A minute's grace for the shop's clock.
  return placedAt >= since - 60_000
    ? { reference: newest.reference, order: null, charged: newest.grandTotal }
    : null;
}

/** Whether the order may have been placed although no answer said so. */
const mayBePlaced = (error: unknown) =>
  error instanceof GlueUnreachableError || (error instanceof GlueError && error.code === '1103');

/**
 * Places the order. Glue deletes the cart with it (§9.4), so one cart is never ordered twice: after
 * a lost answer, and on a retry that gets 1103, the console finds the order instead.
 */
export function usePlaceOrder(customerReference: string) {
  const session = useGlueSession();
  const log = useSessionLog();
  const queryClient = useQueryClient();
  // Per cart, the log entry of an attempt whose answer was lost: a retry settles that entry.
  const lost = useRef(new Map<string, number>());
  return useMutation({
    mutationFn: async (request: OrderRequest) => {
      try {
        return await placeOrder(session, request);
      } catch (error) {
        const current = log.getState().current;
        if (mayBePlaced(error) && current) {
          const known = new Set(
            current.entries.flatMap((entry) =>
              entry.order?.reference ? [entry.order.reference] : [],
            ),
          );
          // Glue may be out of reach for the lookup too: then the agent is told, and may retry.
          const placed = await placedSince(session, current.startedAt, known).catch(() => null);
          if (placed) return placed;
        }
        throw error;
      }
    },
    onMutate: (request) => {
      const cart = queryClient.getQueryData(
        cartQueries.detail(session, customerReference, request.cartId).queryKey,
      );
      const order = {
        reference: null,
        grandTotal: request.grandTotal,
        currency: request.currency,
        // Two methods may share a name (Standard by DHL and by Hermes): the carrier tells them apart.
        shipment: request.shipment.carrierName
          ? `${request.shipment.name} (${request.shipment.carrierName})`
          : request.shipment.name,
        payment: request.payment.methodName,
      };
      const earlier = lost.current.get(request.cartId);
      if (earlier !== undefined) {
        log.settle(earlier, { status: 'pending', error: null, glueSaid: null });
        return { order, entryId: earlier };
      }
      return {
        order,
        entryId: log.begin({
          action: 'place-order',
          cartId: request.cartId,
          cartName: cart?.name ?? null,
          ...NO_ITEM,
          address: null,
          order,
        }),
      };
    },
    onSuccess: ({ reference, order, charged }, request, context) => {
      lost.current.delete(request.cartId);
      if (order) {
        queryClient.setQueryData(
          orderQueries.detail(session, customerReference, reference).queryKey,
          order,
        );
      }
      // The log keeps what the shop charged, which its own rules may make differ from the sum shown.
      const grandTotal = charged ?? context.order.grandTotal;
      log.settle(context.entryId, {
        status: 'done',
        order: { ...context.order, reference, grandTotal },
      });
      queryClient.removeQueries({
        queryKey: cartQueries.detail(session, customerReference, request.cartId).queryKey,
      });
    },
    onError: (error, request, context) => {
      const entryId = context?.entryId ?? null;
      if (error instanceof GlueUnreachableError && entryId !== null) {
        lost.current.set(request.cartId, entryId);
        log.settle(entryId, { status: 'failed', error: message('checkout.lost'), glueSaid: null });
        return;
      }
      lost.current.delete(request.cartId);
      log.settle(entryId, failedWith(error));
    },
    onSettled: (_placed, error) =>
      // Without an answer nothing is known: the screen keeps the cart it showed.
      error instanceof GlueUnreachableError
        ? undefined
        : Promise.all([
            queryClient.invalidateQueries({ queryKey: cartQueries.all(customerReference) }),
            queryClient.invalidateQueries({ queryKey: orderQueries.all(customerReference) }),
          ]),
  });
}
