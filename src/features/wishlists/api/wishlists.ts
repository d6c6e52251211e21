import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { customerKey } from '../../../lib/customer-data-key';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import {
  NO_ITEM,
  failedWith,
  recorded,
  useSessionLog,
  type NewEntry,
} from '../../activity/session-log';
import { beginCartChange, changeCart, settleCartChange } from '../../carts/api/change-cart';
import { cartQueries } from '../../carts/api/cart-queries';

const wishlistResourceSchema = z.object({
  type: z.literal('wishlists'),
  id: z.string(),
  attributes: z.looseObject({
    name: z.string(),
    numberOfItems: z.number(),
    updatedAt: z.optional(z.string()),
  }),
  relationships: z.optional(
    z.looseObject({
      'wishlist-items': z.optional(z.looseObject({ data: z.array(z.object({ id: z.string() })) })),
    }),
  ),
});

const includedSchema = z.union([
  z.object({
    type: z.literal('concrete-products'),
    id: z.string(),
    attributes: z.looseObject({ name: z.string() }),
  }),
  // The items carry nothing the products do not (§11: sku and id, both the SKU); the rest is not the console's business.
  z.looseObject({ type: z.string() }),
]);

const wishlistsDocumentSchema = z.object({ data: z.array(wishlistResourceSchema) });
const wishlistDocumentSchema = z.object({
  data: wishlistResourceSchema,
  included: z.optional(z.array(includedSchema)),
});

export interface Wishlist {
  id: string;
  name: string;
  numberOfItems: number;
  /** As Glue writes it, "2026-12-02 10:04:35.311557" (server time, no zone). */
  updatedAt: string | null;
}

export interface WishlistItem {
  sku: string;
  /** The product's name in the request's language; null when the shop no longer has it. */
  name: string | null;
}

export interface WishlistWithItems extends Wishlist {
  items: WishlistItem[];
}

/** One wishlist with its items and their products' names: one request (§11's includes). */
const WISHLIST_INCLUDE = 'include=wishlist-items,concrete-products';

/** The name rule of §11, after trimming: letters without accents, digits, space, `_` and `-`. */
export const WISHLIST_NAME = /^[ A-Za-z0-9_-]+$/;
export const WISHLIST_NAME_MAX = 255;

function toWishlist(resource: z.infer<typeof wishlistResourceSchema>): Wishlist {
  return {
    id: resource.id,
    name: resource.attributes.name,
    numberOfItems: resource.attributes.numberOfItems,
    updatedAt: resource.attributes.updatedAt ?? null,
  };
}

export function toWishlistWithItems(
  document: z.infer<typeof wishlistDocumentSchema>,
): WishlistWithItems {
  const names = new Map(
    (document.included ?? []).flatMap((resource) =>
      resource.type === 'concrete-products' && 'id' in resource && 'attributes' in resource
        ? [[resource.id as string, (resource.attributes as { name: string }).name] as const]
        : [],
    ),
  );
  return {
    ...toWishlist(document.data),
    items: (document.data.relationships?.['wishlist-items']?.data ?? []).map(({ id }) => ({
      sku: id,
      name: names.get(id) ?? null,
    })),
  };
}

const onePath = (wishlistId: string) => `/wishlists/${encodeURIComponent(wishlistId)}`;

export const wishlistQueries = {
  all: (customerReference: string) => [...customerKey(customerReference), 'wishlists'] as const,
  // Glue's list names the wishlists and counts their items, but holds no items (§11).
  list: (session: GlueSession, customerReference: string) =>
    queryOptions({
      queryKey: [...wishlistQueries.all(customerReference), 'list'],
      queryFn: async ({ signal }) =>
        (
          await session.asCustomer({
            path: '/wishlists',
            schema: wishlistsDocumentSchema,
            signal,
          })
        ).data.map(toWishlist),
    }),
  detail: (session: GlueSession, customerReference: string, wishlistId: string) =>
    queryOptions({
      queryKey: [...wishlistQueries.all(customerReference), 'detail', wishlistId],
      meta: { translatedByGlue: true },
      queryFn: async ({ signal }) =>
        toWishlistWithItems(
          await session.asCustomer({
            path: `${onePath(wishlistId)}?${WISHLIST_INCLUDE}`,
            schema: wishlistDocumentSchema,
            signal,
          }),
        ),
    }),
};

const wishlistBody = (name: string) => ({ data: { type: 'wishlists', attributes: { name } } });
const itemsPath = (wishlistId: string) => `${onePath(wishlistId)}/wishlist-items`;

interface Product {
  sku: string;
  name: string | null;
}

/** A log entry about a wishlist (its id null until the shop gives a new one); a product for item changes. */
function wishlistEntry(
  action: NewEntry['action'],
  wishlist: { id: string | null; name: string },
  { product, renamedTo = null }: { product?: Product; renamedTo?: string | null } = {},
): NewEntry {
  return {
    action,
    cartId: null,
    cartName: null,
    ...NO_ITEM,
    sku: product?.sku ?? null,
    productName: product?.name ?? null,
    address: null,
    wishlist: { id: wishlist.id, name: wishlist.name, renamedTo },
  };
}

/** Every change below leaves the screens showing the wishlists as Glue holds them afterwards. */
function useWishlistsRefresh(customerReference: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: wishlistQueries.all(customerReference) });
}

export function useCreateWishlist(customerReference: string) {
  const session = useGlueSession();
  const log = useSessionLog();
  return useMutation({
    mutationFn: (name: string) =>
      recorded(
        log,
        wishlistEntry('create-wishlist', { id: null, name }),
        async () =>
          toWishlist(
            (
              await session.asCustomer({
                method: 'POST',
                path: '/wishlists',
                body: wishlistBody(name),
                schema: z.object({ data: wishlistResourceSchema }),
              })
            ).data,
          ),
        (created) => ({ wishlist: { id: created.id, name: created.name, renamedTo: null } }),
      ),
    onSettled: useWishlistsRefresh(customerReference),
  });
}

export function useRenameWishlist(customerReference: string, wishlist: Wishlist) {
  const session = useGlueSession();
  const log = useSessionLog();
  return useMutation({
    mutationFn: (name: string) =>
      recorded(log, wishlistEntry('rename-wishlist', wishlist, { renamedTo: name }), () =>
        session.asCustomer({
          method: 'PATCH',
          path: onePath(wishlist.id),
          body: wishlistBody(name),
        }),
      ),
    onSettled: useWishlistsRefresh(customerReference),
  });
}

export function useDeleteWishlist(customerReference: string, wishlist: Wishlist) {
  const session = useGlueSession();
  const log = useSessionLog();
  const queryClient = useQueryClient();
  const detail = wishlistQueries.detail(session, customerReference, wishlist.id);
  return useMutation({
    mutationFn: () =>
      recorded(log, wishlistEntry('delete-wishlist', wishlist), () =>
        session.asCustomer({ method: 'DELETE', path: onePath(wishlist.id) }),
      ),
    // A deleted wishlist is not read again: its screen is left for the list.
    onSuccess: () => queryClient.removeQueries({ queryKey: detail.queryKey }),
    onSettled: (_answer, error) =>
      Promise.all([
        // One the shop refused to delete shows as it holds it now.
        error ? queryClient.invalidateQueries({ queryKey: detail.queryKey }) : undefined,
        queryClient.invalidateQueries({
          queryKey: wishlistQueries.list(session, customerReference).queryKey,
        }),
      ]),
  });
}

function removeItem(session: GlueSession, wishlistId: string, sku: string) {
  return session.asCustomer({
    method: 'DELETE',
    path: `${itemsPath(wishlistId)}/${encodeURIComponent(sku)}`,
  });
}

export function useAddToWishlist(customerReference: string, wishlist: Wishlist) {
  const session = useGlueSession();
  const log = useSessionLog();
  return useMutation({
    mutationFn: (product: Product) =>
      recorded(log, wishlistEntry('add-to-wishlist', wishlist, { product }), () =>
        session.asCustomer({
          method: 'POST',
          path: itemsPath(wishlist.id),
          body: { data: { type: 'wishlist-items', attributes: { sku: product.sku } } },
        }),
      ),
    onSettled: useWishlistsRefresh(customerReference),
  });
}

export function useRemoveFromWishlist(customerReference: string, wishlist: Wishlist) {
  const session = useGlueSession();
  const log = useSessionLog();
  return useMutation({
    mutationFn: (product: Product) =>
      recorded(log, wishlistEntry('remove-from-wishlist', wishlist, { product }), () =>
        removeItem(session, wishlist.id, product.sku),
      ),
    onSettled: useWishlistsRefresh(customerReference),
  });
}

export interface MoveToCart {
  product: Product;
  cartId: string;
}

/** A move that put the product into the cart but could not take it off the wishlist. */
export class StillOnWishlistError extends Error {
  constructor(override readonly cause: unknown) {
    super('Added to the cart, but still on the wishlist');
    this.name = 'StillOnWishlistError';
  }
}

/**
 * Moves one product into a cart (quantity 1), then off the wishlist, only once the cart took it.
 * Both steps go into the activity log as the cart and wishlist changes they are.
 */
export function useMoveToCart(customerReference: string, wishlist: Wishlist) {
  const session = useGlueSession();
  const log = useSessionLog();
  const queryClient = useQueryClient();
  const refreshWishlists = useWishlistsRefresh(customerReference);
  return useMutation({
    mutationFn: async ({ product, cartId }: MoveToCart) => {
      const change = { kind: 'add', sku: product.sku, name: product.name, quantity: 1 } as const;
      const carts = queryClient.getQueryData(cartQueries.list(session, customerReference).queryKey);
      const entryId = beginCartChange(
        log,
        cartId,
        carts?.find((cart) => cart.id === cartId),
        change,
      );
      try {
        settleCartChange(log, entryId, await changeCart(session, cartId, change), change);
      } catch (error) {
        log.settle(entryId, failedWith(error));
        throw error;
      }
      try {
        await recorded(log, wishlistEntry('remove-from-wishlist', wishlist, { product }), () =>
          removeItem(session, wishlist.id, product.sku),
        );
      } catch (error) {
        throw new StillOnWishlistError(error);
      }
    },
    onSettled: () =>
      Promise.all([
        refreshWishlists(),
        queryClient.invalidateQueries({ queryKey: cartQueries.all(customerReference) }),
      ]),
  });
}
