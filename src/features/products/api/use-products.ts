import { useQuery } from '@tanstack/react-query';
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
