import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { customerKey } from '../../../lib/customer-data-key';
import type { GlueSession } from '../../../lib/glue-session';

const customerDocumentSchema = z.object({
  data: z.object({
    type: z.literal('customers'),
    id: z.string(),
    attributes: z.looseObject({
      firstName: z.nullable(z.optional(z.string())),
      lastName: z.nullable(z.optional(z.string())),
      email: z.string(),
      gender: z.nullable(z.optional(z.string())),
      dateOfBirth: z.nullable(z.optional(z.string())),
      salutation: z.nullable(z.optional(z.string())),
      createdAt: z.nullable(z.optional(z.string())),
      updatedAt: z.nullable(z.optional(z.string())),
    }),
  }),
});

export type CustomerDetails = z.infer<typeof customerDocumentSchema>['data']['attributes'];

export const profileQuery = (session: GlueSession, customerReference: string) =>
  queryOptions({
    queryKey: [...customerKey(customerReference), 'profile'],
    queryFn: async ({ signal }) => {
      const document = await session.asCustomer({
        path: `/customers/${encodeURIComponent(customerReference)}`,
        schema: customerDocumentSchema,
        signal,
      });
      return document.data.attributes;
    },
  });
