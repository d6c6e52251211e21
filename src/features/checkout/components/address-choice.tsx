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
  onCorrect,
  correcting,
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
  /** Corrects a saved address in the customer's account (§8 PATCH); resolves once Glue took it. */
  onCorrect: (address: Address, fields: AddressFields) => Promise<void>;
  correcting: { pending: boolean; refused: FieldErrors };
}) {
  const t = useT();
  const format = useFormat();
  const name = useId();
  const [typing, setTyping] = useState(chosen === null && saved.length === 0 && !sameAsLabel);
  const [save, setSave] = useState(true);
  const [editing, setEditing] = useState(false);
  const editable = chosen?.kind === 'saved' && !typing ? chosen.address : null;
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
              setEditing(false);
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
              setEditing(false);
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
      {editable && !editing && (
        <button type="button" className="button button--small" onClick={() => setEditing(true)}>
          {t('checkout.address.edit')}
        </button>
      )}
      {editable && editing && (
        <AddressForm
          key={editable.id}
          title="checkout.address.editTitle"
          initial={editable}
          withDefaults={false}
          countryFixed
          pending={correcting.pending}
          refused={correcting.refused}
          submitLabel="checkout.address.editSave"
          onSubmit={(fields) =>
            void onCorrect(editable, fields).then(
              () => setEditing(false),
              () => undefined, // The refusal shows at the fields; the form stays open.
            )
          }
          onCancel={() => setEditing(false)}
        />
      )}
      <label className="choice">
        <input
          type="radio"
          name={name}
          checked={typing}
          onChange={() => {
            setEditing(false);
            setTyping(true);
          }}
        />{' '}
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
