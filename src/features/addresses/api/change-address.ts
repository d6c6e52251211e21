import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import { NO_ITEM, failedWith, useSessionLog, type ActivityEntry } from '../../activity/session-log';
import { addressQueries } from './address-queries';
import {
  addressDocumentSchema,
  addressLine,
  toAddress,
  type Address,
  type AddressFields,
} from './address-schemas';

export type AddressChange =
  | { kind: 'add'; fields: AddressFields; isDefaultShipping: boolean; isDefaultBilling: boolean }
  | { kind: 'edit'; address: Address; fields: AddressFields }
  | { kind: 'make-default'; address: Address; which: 'shipping' | 'billing' }
  | { kind: 'delete'; address: Address };

const path = (customerReference: string, id?: string) =>
  `/customers/${encodeURIComponent(customerReference)}/addresses${id ? `/${encodeURIComponent(id)}` : ''}`;

/** The form's fields as Glue takes them: optional ones left empty are sent as null. */
export function attributesOf(fields: AddressFields) {
  const orNull = (value: string) => (value.trim() ? value.trim() : null);
  return {
    salutation: fields.salutation,
    firstName: fields.firstName.trim(),
    lastName: fields.lastName.trim(),
    address1: fields.address1.trim(),
    address2: fields.address2.trim(),
    address3: orNull(fields.address3),
    zipCode: fields.zipCode.trim(),
    city: fields.city.trim(),
    iso2Code: fields.iso2Code,
    company: orNull(fields.company),
    phone: orNull(fields.phone),
  };
}

/** Sends one change; answers the address after it, or null for a deletion. */
export async function changeAddress(
  session: GlueSession,
  customerReference: string,
  change: AddressChange,
): Promise<Address | null> {
  if (change.kind === 'delete') {
    await session.asCustomer({
      method: 'DELETE',
      path: path(customerReference, change.address.id),
    });
    return null;
  }
  const attributes =
    change.kind === 'add'
      ? {
          ...attributesOf(change.fields),
          isDefaultShipping: change.isDefaultShipping,
          isDefaultBilling: change.isDefaultBilling,
        }
      : change.kind === 'edit'
        ? attributesOf(change.fields)
        : change.which === 'shipping'
          ? { isDefaultShipping: true }
          : { isDefaultBilling: true };
  const document = await session.asCustomer({
    method: change.kind === 'add' ? 'POST' : 'PATCH',
    path: path(customerReference, change.kind === 'add' ? undefined : change.address.id),
    body: { data: { type: 'addresses', attributes } },
    schema: addressDocumentSchema,
  });
  return toAddress(document.data);
}

/**
 * The list after Glue's answer, without asking again: a customer has one default of each kind
 * (§8), so the address that is one now takes it from the others.
 */
export function withAnswer(list: Address[], change: AddressChange, answer: Address | null) {
  if (answer === null) {
    return change.kind === 'delete' ? list.filter((a) => a.id !== change.address.id) : list;
  }
  const others = list
    .filter((address) => address.id !== answer.id)
    .map((address) => ({
      ...address,
      isDefaultShipping: address.isDefaultShipping && !answer.isDefaultShipping,
      isDefaultBilling: address.isDefaultBilling && !answer.isDefaultBilling,
    }));
  const at = list.findIndex((address) => address.id === answer.id);
  return at === -1 ? [...others, answer] : others.toSpliced(at, 0, answer);
}

function actionOf(change: AddressChange): ActivityEntry['action'] {
  if (change.kind === 'make-default') {
    return change.which === 'shipping' ? 'default-shipping-address' : 'default-billing-address';
  }
  return change.kind === 'add'
    ? 'add-address'
    : change.kind === 'edit'
      ? 'change-address'
      : 'delete-address';
}

/** Adds, changes or deletes one of the customer's addresses; each goes into the activity log. */
export function useChangeAddress(customerReference: string) {
  const session = useGlueSession();
  const log = useSessionLog();
  const queryClient = useQueryClient();
  const list = addressQueries.list(session, customerReference);
  return useMutation({
    mutationFn: (change: AddressChange) => changeAddress(session, customerReference, change),
    onMutate: (change) => ({
      entryId: log.begin({
        action: actionOf(change),
        cartId: null,
        cartName: null,
        ...NO_ITEM,
        address: addressLine(
          change.kind === 'add' || change.kind === 'edit' ? change.fields : change.address,
        ),
      }),
    }),
    onSuccess: (answer, change, context) => {
      queryClient.setQueryData(list.queryKey, (addresses) =>
        addresses ? withAnswer(addresses, change, answer) : addresses,
      );
      log.settle(context.entryId, { status: 'done' });
    },
    onError: (error, _change, context) => {
      log.settle(context?.entryId ?? null, failedWith(error));
      // What Glue holds may differ from what the screen shows after a failure: ask again.
      void queryClient.invalidateQueries({ queryKey: list.queryKey });
    },
  });
}
