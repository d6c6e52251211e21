import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { CustomerProfile, GlueSession } from '../../../lib/glue-session';
import { useGlueSession } from '../../../lib/glue-session';

export const SEARCH_PAGE_SIZE = 10;

const searchDocumentSchema = z.object({
  data: z.array(
    z.object({
      type: z.literal('agent-customer-search'),
      attributes: z.object({
        customers: z.array(
          z.object({
            customerReference: z.string(),
            email: z.string(),
            firstName: z.nullable(z.optional(z.string())),
            lastName: z.nullable(z.optional(z.string())),
          }),
        ),
      }),
    }),
  ),
  links: z.optional(z.object({ next: z.optional(z.string()), last: z.optional(z.string()) })),
});

export interface CustomerSearchPage {
  customers: CustomerProfile[];
  /** Offset of the next page, or null on the last one. */
  nextOffset: number | null;
}

export async function searchCustomers(
  session: GlueSession,
  query: string,
  offset: number,
  signal?: AbortSignal,
): Promise<CustomerSearchPage> {
  const params = new URLSearchParams({
    q: query,
    'page[offset]': String(offset),
    'page[limit]': String(SEARCH_PAGE_SIZE),
  });
  const document = await session.asAgent({
    path: `/agent-customer-search?${params}`,
    schema: searchDocumentSchema,
    signal,
  });
  const customers = document.data.flatMap((resource) =>
    resource.attributes.customers.map((customer) => ({
      customerReference: customer.customerReference,
      email: customer.email,
      firstName: customer.firstName ?? '',
      lastName: customer.lastName ?? '',
    })),
  );
  return { customers, nextOffset: offsetOf(document.links?.next) };
}

function offsetOf(link: string | undefined): number | null {
  if (!link) return null;
  const offset = Number(new URL(link, 'http://glue').searchParams.get('page[offset]'));
  return Number.isInteger(offset) && offset > 0 ? offset : null;
}

export const customerSearchQueries = {
  all: () => ['agent', 'customer-search'] as const,
  search: (session: GlueSession, query: string) =>
    infiniteQueryOptions({
      queryKey: [...customerSearchQueries.all(), query],
      queryFn: ({ pageParam, signal }) => searchCustomers(session, query, pageParam, signal),
      initialPageParam: 0,
      getNextPageParam: (lastPage) => lastPage.nextOffset,
      enabled: query !== '',
    }),
  byReference: (session: GlueSession, reference: string) =>
    queryOptions({
      queryKey: [...customerSearchQueries.all(), 'by-reference', reference],
      queryFn: ({ signal }) => findCustomerByReference(session, reference, signal),
    }),
};

export function useCustomerSearch(query: string) {
  const session = useGlueSession();
  return useInfiniteQuery(customerSearchQueries.search(session, query));
}

/** The customer with exactly this reference, or null: a reference only matches whole (§3.2). */
export async function findCustomerByReference(
  session: GlueSession,
  reference: string,
  signal?: AbortSignal,
) {
  const page = await searchCustomers(session, reference, 0, signal);
  const wanted = reference.toLowerCase();
  return page.customers.find((c) => c.customerReference.toLowerCase() === wanted) ?? null;
}

export function useCustomerByReference(reference: string) {
  const session = useGlueSession();
  return useQuery(customerSearchQueries.byReference(session, reference));
}
