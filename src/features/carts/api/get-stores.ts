import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { message } from '../../../i18n/translate';
import { ConfigurationError, GlueResponseError } from '../../../lib/glue-errors';
import type { GlueSession } from '../../../lib/glue-session';

// GET /stores (contract §7.1): public, no token. Only defaultCurrency is needed to make a cart;
// the lists are read leniently, as clients must not depend on their order or, here, presence.
const storeResourceSchema = z.object({
  type: z.literal('stores'),
  id: z.string(),
  attributes: z.looseObject({
    defaultCurrency: z.string().check(z.minLength(1)),
    currencies: z.optional(z.array(z.looseObject({ code: z.string() }))),
    locales: z.optional(z.array(z.looseObject({ name: z.string() }))),
    countries: z.optional(z.array(z.looseObject({ iso2Code: z.string() }))),
  }),
});

const storesDocumentSchema = z.object({ data: z.array(storeResourceSchema) });

export interface Store {
  /** The store's name, e.g. DE: what a new cart's `store` attribute names. */
  id: string;
  /** The current store's default currency (Glue answers the same for every element). */
  defaultCurrency: string;
  currencies: string[];
  /** e.g. en_US, de_DE */
  locales: string[];
  /** ISO 3166-1 alpha-2 codes */
  countries: string[];
}

export async function getStores(session: GlueSession, signal: AbortSignal): Promise<Store[]> {
  const document = await session.glue.request({
    path: '/stores',
    schema: storesDocumentSchema,
    signal,
  });
  return document.data.map(({ id, attributes }) => ({
    id,
    defaultCurrency: attributes.defaultCurrency,
    currencies: (attributes.currencies ?? []).map((currency) => currency.code),
    locales: (attributes.locales ?? []).map((locale) => locale.name),
    countries: (attributes.countries ?? []).map((country) => country.iso2Code),
  }));
}

/**
 * The store the console works in: the configured one, or else the first Glue answers. The
 * console sends no Store header, so Glue serves its default store (DE on Spryker's demo shop,
 * also the first it lists); CONSOLE_STORE names it where a Glue lists another one first.
 */
export function currentStore(stores: readonly Store[], configured: string | null): Store {
  const store = configured === null ? stores[0] : stores.find((s) => s.id === configured);
  if (store) return store;
  if (stores.length === 0) throw new GlueResponseError('GET /stores', message('carts.noStore'));
  throw new ConfigurationError(
    message('carts.storeMissing', {
      store: configured,
      stores: stores.map((s) => s.id).join(', '),
    }),
  );
}

export const storeQueries = {
  /** Asked once a session, and only when a cart is made: the store does not change meanwhile. */
  current: (session: GlueSession, configured: string | null) =>
    queryOptions({
      queryKey: ['stores', 'current', configured],
      queryFn: async ({ signal }) => currentStore(await getStores(session, signal), configured),
      staleTime: Infinity,
    }),
};
