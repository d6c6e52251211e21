import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGlueSession } from '../../../lib/glue-session';
import { useRuntimeConfig } from '../../../lib/runtime-config';
import { failedWith, useSessionLog } from '../../activity/session-log';
import { cartQueries } from '../../carts/api/cart-queries';
import type { Cart } from '../../carts/api/cart-schemas';
import {
  beginCartChange,
  changeCart,
  settleCartChange,
  type CartChange,
} from '../../carts/api/change-cart';
import { createLoggedCart } from '../../carts/api/create-cart';
import type { OrderDetail } from '../../orders/api/order-queries';

/** One product of an order, its split lines (§9.4: below 10, one line per unit) summed. */
export interface OrderLine {
  sku: string;
  name: string;
  quantity: number;
}

export function linesOf(order: OrderDetail): OrderLine[] {
  const lines = new Map<string, OrderLine>();
  for (const item of order.attributes.items) {
    const line = lines.get(item.sku);
    if (line) line.quantity += item.quantity;
    else lines.set(item.sku, { sku: item.sku, name: item.name, quantity: item.quantity });
  }
  return [...lines.values()];
}

export type ReorderTarget = { kind: 'new'; name: string } | { kind: 'existing'; cart: Cart };

export interface ReorderResult {
  cartId: string;
  cartName: string | null;
  added: OrderLine[];
  /** Each line Glue refused, and its answer: the agent is told which and why. */
  refused: { line: OrderLine; error: unknown }[];
}

/**
 * Puts an order's products into a cart with the cart endpoints alone (§14: release 202410 has no
 * reorder endpoint): one request per product, the least Glue allows, and each into the log.
 */
export function useOrderAgain(customerReference: string) {
  const session = useGlueSession();
  const log = useSessionLog();
  const queryClient = useQueryClient();
  const config = useRuntimeConfig();
  return useMutation({
    mutationFn: async ({
      lines,
      target,
    }: {
      lines: OrderLine[];
      target: ReorderTarget;
    }): Promise<ReorderResult> => {
      let cart: Cart | undefined = target.kind === 'existing' ? target.cart : undefined;
      if (target.kind === 'new') {
        cart = await createLoggedCart(session, queryClient, log, config, target.name);
      }
      const cartId = cart!.id;
      const result: ReorderResult = { cartId, cartName: cart!.name, added: [], refused: [] };
      // One after another: each answer is the cart the next change starts from.
      for (const line of lines) {
        const change: CartChange = {
          kind: 'add',
          sku: line.sku,
          name: line.name,
          quantity: line.quantity,
        };
        const entryId = beginCartChange(log, cartId, cart, change);
        try {
          const answer = await changeCart(session, cartId, change);
          settleCartChange(log, entryId, answer, change);
          if (answer) cart = answer;
          result.added.push(line);
        } catch (error) {
          log.settle(entryId, failedWith(error));
          result.refused.push({ line, error });
        }
      }
      // The last answer is the cart as Glue holds it (a refused add changes nothing): no refetch.
      const latest = cart!;
      queryClient.setQueryData(
        cartQueries.detail(session, customerReference, cartId).queryKey,
        latest,
      );
      queryClient.setQueryData(cartQueries.list(session, customerReference).queryKey, (carts) =>
        carts
          ? carts.some((c) => c.id === cartId)
            ? carts.map((c) => (c.id === cartId ? latest : c))
            : [...carts, latest]
          : carts,
      );
      return result;
    },
  });
}
