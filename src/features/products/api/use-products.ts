import { useQueries, useQuery } from '@tanstack/react-query';
import { useGlueSession } from '../../../lib/glue-session';
import { productQueries } from './product-queries';

export function useProductSuggestions(text: string) {
  const session = useGlueSession();
  return useQuery(productQueries.suggestions(session, text));
}

export function useConcreteProduct(sku: string | null) {
  const session = useGlueSession();
  return useQuery({ ...productQueries.concrete(session, sku ?? ''), enabled: sku !== null });
}

export function useConcreteSkus(abstractSku: string | null) {
  const session = useGlueSession();
  return useQuery({
    ...productQueries.concreteSkus(session, abstractSku ?? ''),
    enabled: abstractSku !== null,
  });
}

/** Product names for SKUs (cart items name only their SKU), looked up once each and cached. */
export function useProductNames(skus: readonly string[]): Map<string, string> {
  const session = useGlueSession();
  return useQueries({
    queries: skus.map((sku) => productQueries.concrete(session, sku)),
    combine: (results) =>
      new Map(
        results.flatMap((result) =>
          result.data ? [[result.data.sku, result.data.name] as const] : [],
        ),
      ),
  });
}
