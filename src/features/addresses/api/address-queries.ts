import { queryOptions } from '@tanstack/react-query';
import { customerKey } from '../../../lib/customer-data-key';
import type { GlueSession } from '../../../lib/glue-session';
import { addressesDocumentSchema, toAddress } from './address-schemas';

export const addressQueries = {
  list: (session: GlueSession, customerReference: string) =>
    queryOptions({
      queryKey: [...customerKey(customerReference), 'addresses'],
      queryFn: async ({ signal }) => {
        const document = await session.asCustomer({
          path: `/customers/${encodeURIComponent(customerReference)}/addresses`,
          schema: addressesDocumentSchema,
          signal,
        });
        return document.data.map(toAddress);
      },
    }),
};
