import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { useFormat } from '../../../i18n/format';
import { T, message, useT, type Message } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { addressQueries } from '../api/address-queries';
import {
  addressLine,
  fieldErrorsOf,
  type Address,
  type AddressFields,
} from '../api/address-schemas';
import { useChangeAddress, type AddressChange } from '../api/change-address';
import { AddressForm, EMPTY_ADDRESS } from './address-form';

type Editing = { kind: 'add' } | { kind: 'edit'; address: Address } | null;

/** The customer's saved addresses: add, edit, delete (asked first), make one the default. */
export function AddressesPanel({
  customerReference,
  customerName,
}: {
  customerReference: string;
  /** The acting customer's names, to start a new address with and to ask by. */
  customerName: Pick<AddressFields, 'firstName' | 'lastName'>;
}) {
  const t = useT();
  const format = useFormat();
  const session = useGlueSession();
  const addresses = useQuery(addressQueries.list(session, customerReference));
  const change = useChangeAddress(customerReference);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Address | null>(null);
  const [done, setDone] = useState<Message | null>(null);
  const fullName = `${customerName.firstName} ${customerName.lastName}`.trim();

  function send(next: AddressChange) {
    setDone(null);
    change.mutate(next, {
      onSuccess: () => {
        const line = addressLine(
          next.kind === 'add' || next.kind === 'edit' ? next.fields : next.address,
        );
        setDone(
          message(next.kind === 'delete' ? 'addresses.deleted' : 'addresses.saved', {
            address: line,
          }),
        );
        if (next.kind === 'add' || next.kind === 'edit') setEditing(null);
      },
    });
  }
  const failedChange = change.isError ? change.variables : undefined;
  const formFailed = failedChange && (failedChange.kind === 'add' || failedChange.kind === 'edit');

  return (
    <section className="panel" aria-labelledby="addresses-title">
      <h2 id="addresses-title">{t('addresses.title')}</h2>
      <p className="visually-hidden" role="status">
        {done ? t(done) : ''}
      </p>
      {addresses.isPending && <p className="muted">{t('addresses.loading')}</p>}
      {addresses.isError && (
        <ErrorNotice
          error={addresses.error}
          text={message('addresses.loadFailed', { error: describeError(addresses.error) })}
        />
      )}
      {change.isError && !formFailed && (
        <ErrorNotice
          error={change.error}
          text={message(
            failedChange?.kind === 'delete' ? 'addresses.deleteFailed' : 'addresses.changeFailed',
            {
              error: describeError(change.error),
            },
          )}
        />
      )}
      {addresses.data && addresses.data.length === 0 && editing === null && (
        <p className="muted">{t('addresses.none')}</p>
      )}
      {addresses.data && addresses.data.length > 0 && (
        <ul className="address-list" aria-label={t('addresses.list.label')}>
          {addresses.data.map((address) => {
            const line = addressLine(address);
            const hidden = { 0: <span className="visually-hidden" /> };
            return (
              <li key={address.id} className="address-card">
                <address>
                  <div>
                    {[
                      address.salutation &&
                        t('orders.address.salutation', { salutation: address.salutation }),
                      address.firstName,
                      address.lastName,
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  </div>
                  {address.company && <div>{address.company}</div>}
                  <div>{[address.address1, address.address2].filter(Boolean).join(' ')}</div>
                  {address.address3 && <div>{address.address3}</div>}
                  <div>{[address.zipCode, address.city].filter(Boolean).join(' ')}</div>
                  <div>{address.iso2Code ? format.country(address.iso2Code) : ''}</div>
                  {address.phone && <div>{address.phone}</div>}
                </address>
                <p className="address-card__badges">
                  {address.isDefaultShipping && (
                    <span className="badge">{t('addresses.defaultShipping')}</span>
                  )}{' '}
                  {address.isDefaultBilling && (
                    <span className="badge">{t('addresses.defaultBilling')}</span>
                  )}
                </p>
                <div className="actions">
                  <button
                    type="button"
                    className="button"
                    onClick={() => setEditing({ kind: 'edit', address })}
                  >
                    <T id="addresses.edit" values={{ address: line }} components={hidden} />
                  </button>
                  {!address.isDefaultShipping && (
                    <button
                      type="button"
                      className="button"
                      disabled={change.isPending}
                      onClick={() => send({ kind: 'make-default', address, which: 'shipping' })}
                    >
                      <T
                        id="addresses.makeDefaultShipping"
                        values={{ address: line }}
                        components={hidden}
                      />
                    </button>
                  )}
                  {!address.isDefaultBilling && (
                    <button
                      type="button"
                      className="button"
                      disabled={change.isPending}
                      onClick={() => send({ kind: 'make-default', address, which: 'billing' })}
                    >
                      <T
                        id="addresses.makeDefaultBilling"
                        values={{ address: line }}
                        components={hidden}
                      />
                    </button>
                  )}
                  <button type="button" className="button" onClick={() => setDeleting(address)}>
                    <T id="addresses.delete" values={{ address: line }} components={hidden} />
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {editing === null ? (
        addresses.data && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing({ kind: 'add' })}
          >
            {t('addresses.add')}
          </button>
        )
      ) : (
        <>
          {formFailed && Object.keys(fieldErrorsOf(change.error)).length === 0 && (
            <ErrorNotice
              error={change.error}
              text={message('addresses.changeFailed', { error: describeError(change.error) })}
            />
          )}
          <AddressForm
            key={editing.kind === 'edit' ? editing.address.id : 'new'}
            title={editing.kind === 'add' ? 'addresses.form.addTitle' : 'addresses.form.editTitle'}
            initial={
              editing.kind === 'edit' ? editing.address : { ...EMPTY_ADDRESS, ...customerName }
            }
            withDefaults={editing.kind === 'add'}
            countryFixed={editing.kind === 'edit'}
            pending={change.isPending}
            refused={formFailed ? fieldErrorsOf(change.error) : {}}
            onSubmit={(fields, defaults) =>
              send(
                editing.kind === 'add'
                  ? {
                      kind: 'add',
                      fields,
                      isDefaultShipping: defaults.shipping,
                      isDefaultBilling: defaults.billing,
                    }
                  : { kind: 'edit', address: editing.address, fields },
              )
            }
            onCancel={() => {
              change.reset();
              setEditing(null);
            }}
          />
        </>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('addresses.delete.title', { customer: fullName })}
        confirmLabel={t('addresses.delete.confirm')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) send({ kind: 'delete', address: deleting });
          setDeleting(null);
        }}
      >
        <p>
          {t('addresses.delete.body', {
            address: deleting ? addressLine(deleting) : '',
            customer: fullName,
          })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
