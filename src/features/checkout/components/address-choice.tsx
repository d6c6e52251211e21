import { useId, useState } from 'react';
import { useFormat } from '../../../i18n/format';
import { useT, type MessageId } from '../../../i18n/translate';
import {
  addressLine,
  type Address,
  type AddressFields,
  type FieldErrors,
} from '../../addresses/api/address-schemas';
import { AddressForm, EMPTY_ADDRESS } from '../../addresses/components/address-form';

/** A saved address by its id, or one typed for this order (and perhaps saved with it). */
export type ChosenAddress =
  { kind: 'saved'; address: Address } | { kind: 'new'; fields: AddressFields; save: boolean };

export const fieldsOf = (chosen: ChosenAddress): AddressFields =>
  chosen.kind === 'saved' ? chosen.address : chosen.fields;

/** One step's address: the customer's saved ones to pick from, or a new one. */
export function AddressChoice({
  legend,
  saved,
  chosen,
  onChoose,
  customerName,
  refused,
  sameAsLabel,
}: {
  legend: MessageId;
  saved: Address[];
  chosen: ChosenAddress | null;
  onChoose: (chosen: ChosenAddress | null) => void;
  customerName: Pick<AddressFields, 'firstName' | 'lastName'>;
  /** Glue's refusals of this address's fields, from the last attempt. */
  refused: FieldErrors;
  /** Offered first when this address can simply be another one ("Same as shipping"). */
  sameAsLabel?: MessageId;
}) {
  const t = useT();
  const format = useFormat();
  const name = useId();
  const [typing, setTyping] = useState(chosen === null && saved.length === 0 && !sameAsLabel);
  const [save, setSave] = useState(true);
  const line = (a: AddressFields) =>
    [addressLine(a), a.iso2Code ? format.country(a.iso2Code) : ''].filter(Boolean).join(', ');

  return (
    <fieldset className="checkout__step">
      <legend>{t(legend)}</legend>
      {sameAsLabel && (
        <label className="choice">
          <input
            type="radio"
            name={name}
            checked={chosen === null && !typing}
            onChange={() => {
              setTyping(false);
              onChoose(null);
            }}
          />{' '}
          {t(sameAsLabel)}
        </label>
      )}
      {saved.map((address) => (
        <label key={address.id} className="choice">
          <input
            type="radio"
            name={name}
            checked={chosen?.kind === 'saved' && chosen.address.id === address.id && !typing}
            onChange={() => {
              setTyping(false);
              onChoose({ kind: 'saved', address });
            }}
          />{' '}
          {[address.firstName, address.lastName].join(' ')}, {line(address)}
        </label>
      ))}
      {chosen?.kind === 'new' && !typing && (
        <label className="choice">
          <input type="radio" name={name} checked readOnly /> {line(chosen.fields)}
        </label>
      )}
      <label className="choice">
        <input type="radio" name={name} checked={typing} onChange={() => setTyping(true)} />{' '}
        {t('checkout.address.new')}
      </label>
      {typing && (
        <>
          <label className="choice">
            <input
              type="checkbox"
              checked={save}
              onChange={(event) => setSave(event.target.checked)}
            />{' '}
            {t('checkout.address.save')}
          </label>
          <AddressForm
            title="checkout.address.newTitle"
            initial={chosen?.kind === 'new' ? chosen.fields : { ...EMPTY_ADDRESS, ...customerName }}
            withDefaults={false}
            pending={false}
            refused={refused}
            submitLabel="checkout.address.use"
            onSubmit={(fields) => {
              setTyping(false);
              onChoose({ kind: 'new', fields, save });
            }}
            onCancel={() => setTyping(false)}
          />
        </>
      )}
    </fieldset>
  );
}
