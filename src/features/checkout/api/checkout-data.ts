import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { customerKey } from '../../../lib/customer-data-key';
import type { GlueSession } from '../../../lib/glue-session';
import {
  addressResourceSchema,
  toAddress,
  type Address,
} from '../../addresses/api/address-schemas';

// Contract §9.2: what the customer can choose comes as included resources, not as attributes.
const shipmentMethodSchema = z.object({
  type: z.literal('shipment-methods'),
  id: z.string(),
  attributes: z.object({
    name: z.string(),
    carrierName: z.nullable(z.optional(z.string())),
    deliveryTime: z.nullable(z.optional(z.number())),
    price: z.number(),
    currencyIsoCode: z.string(),
  }),
});
const paymentMethodSchema = z.object({
  type: z.literal('payment-methods'),
  id: z.string(),
  attributes: z.object({
    paymentMethodName: z.string(),
    paymentProviderName: z.string(),
    priority: z.nullable(z.optional(z.number())),
  }),
});
const checkoutDataDocumentSchema = z.object({
  data: z.object({ type: z.literal('checkout-data') }),
  included: z.optional(z.array(z.looseObject({ type: z.string() }))),
});

export interface ShipmentMethod {
  id: number;
  name: string;
  carrierName: string | null;
  /** Days, when the shop says. */
  deliveryTime: number | null;
  /** Gross, in minor units of `currency`. */
  price: number;
  currency: string;
}

export interface PaymentMethod {
  methodName: string;
  providerName: string;
}

export interface CheckoutOptions {
  shipmentMethods: ShipmentMethod[];
  paymentMethods: PaymentMethod[];
  addresses: Address[];
}

/** One request for everything the checkout screen offers (§9.2): it changes nothing. */
export const checkoutQueries = {
  options: (session: GlueSession, customerReference: string, cartId: string) =>
    queryOptions({
      queryKey: [...customerKey(customerReference), 'checkout-data', cartId],
      queryFn: async ({ signal }): Promise<CheckoutOptions> => {
        const document = await session.asCustomer({
          method: 'POST',
          path: '/checkout-data?include=shipments,shipment-methods,payment-methods,addresses',
          body: { data: { type: 'checkout-data', attributes: { idCart: cartId } } },
          schema: checkoutDataDocumentSchema,
          signal,
        });
        const included = document.included ?? [];
        const pick = <T>(schema: z.ZodMiniType<T>) =>
          included.flatMap((resource) => {
            const parsed = schema.safeParse(resource);
            return parsed.success ? [parsed.data] : [];
          });
        return {
          shipmentMethods: pick(shipmentMethodSchema).map(({ id, attributes }) => ({
            id: Number(id),
            name: attributes.name,
            carrierName: attributes.carrierName ?? null,
            deliveryTime: attributes.deliveryTime ?? null,
            price: attributes.price,
            currency: attributes.currencyIsoCode,
          })),
          paymentMethods: pick(paymentMethodSchema)
            .sort((a, b) => (a.attributes.priority ?? 0) - (b.attributes.priority ?? 0))
            .map(({ attributes }) => ({
              methodName: attributes.paymentMethodName,
              providerName: attributes.paymentProviderName,
            })),
          addresses: pick(addressResourceSchema).map(toAddress),
        };
      },
    }),
};
