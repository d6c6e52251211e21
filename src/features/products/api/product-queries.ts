import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { GlueSession } from '../../../lib/glue-session';

// Catalog look-ups are public (§5a): no token, and cached apart from any customer's data.

const suggestionsDocumentSchema = z.object({
  data: z.array(
    z.object({
      attributes: z.object({
        abstractProducts: z.array(
          z.object({
            abstractSku: z.string(),
            abstractName: z.string(),
            price: z.nullable(z.optional(z.number())),
          }),
        ),
      }),
    }),
  ),
});

const abstractProductDocumentSchema = z.object({
  data: z.object({
    id: z.string(),
    attributes: z.object({
      name: z.string(),
      attributeMap: z.optional(z.object({ product_concrete_ids: z.optional(z.array(z.string())) })),
    }),
  }),
});

const concreteProductDocumentSchema = z.object({
  data: z.object({
    id: z.string(),
    attributes: z.object({
      sku: z.string(),
      name: z.string(),
      isDiscontinued: z.optional(z.boolean()),
    }),
  }),
  included: z.optional(
    z.array(
      z.looseObject({
        type: z.string(),
        attributes: z.optional(
          z.looseObject({
            price: z.optional(z.number()),
            prices: z.optional(
              z.array(
                z.looseObject({
                  priceTypeName: z.string(),
                  grossAmount: z.nullable(z.optional(z.number())),
                  currency: z.object({ code: z.string() }),
                }),
              ),
            ),
          }),
        ),
      }),
    ),
  ),
});

export interface ProductSuggestion {
  abstractSku: string;
  name: string;
  price: number | null;
}

export interface ConcreteProduct {
  sku: string;
  name: string;
  isDiscontinued: boolean;
  /** DEFAULT gross price in minor units, with its currency, or null when the product has none. */
  price: { amount: number; currency: string } | null;
}

export const productQueries = {
  suggestions: (session: GlueSession, text: string) =>
    queryOptions({
      queryKey: ['products', 'suggestions', text],
      meta: { translatedByGlue: true },
      queryFn: async ({ signal }): Promise<ProductSuggestion[]> => {
        const document = await session.glue.request({
          path: `/catalog-search-suggestions?${new URLSearchParams({ q: text })}`,
          schema: suggestionsDocumentSchema,
          signal,
        });
        return document.data.flatMap((d) =>
          d.attributes.abstractProducts.map((p) => ({
            abstractSku: p.abstractSku,
            name: p.abstractName,
            price: p.price ?? null,
          })),
        );
      },
      enabled: text !== '',
    }),
  /** The concrete SKUs of an abstract product: what a cart can hold. */
  concreteSkus: (session: GlueSession, abstractSku: string) =>
    queryOptions({
      queryKey: ['products', 'abstract', abstractSku],
      meta: { translatedByGlue: true },
      queryFn: async ({ signal }) => {
        const document = await session.glue.request({
          path: `/abstract-products/${encodeURIComponent(abstractSku)}?include=concrete-products`,
          schema: abstractProductDocumentSchema,
          signal,
        });
        return document.data.attributes.attributeMap?.product_concrete_ids ?? [];
      },
    }),
  concrete: (session: GlueSession, sku: string) =>
    queryOptions({
      queryKey: ['products', 'concrete', sku],
      meta: { translatedByGlue: true },
      queryFn: async ({ signal }): Promise<ConcreteProduct> => {
        const document = await session.glue.request({
          path: `/concrete-products/${encodeURIComponent(sku)}?include=concrete-product-prices`,
          schema: concreteProductDocumentSchema,
          signal,
        });
        const prices = document.included?.find(
          (r) => r.type === 'concrete-product-prices',
        )?.attributes;
        const standard = prices?.prices?.find((p) => p.priceTypeName === 'DEFAULT');
        const amount = standard?.grossAmount ?? prices?.price;
        return {
          sku: document.data.attributes.sku,
          name: document.data.attributes.name,
          isDiscontinued: document.data.attributes.isDiscontinued ?? false,
          price:
            amount === undefined || amount === null
              ? null
              : { amount, currency: standard?.currency.code ?? 'EUR' },
        };
      },
      staleTime: 5 * 60_000,
    }),
};
