import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useFormat } from '../../../i18n/format';
import { useT, type MessageId } from '../../../i18n/translate';
import { useGlueSession } from '../../../lib/glue-session';
import { useRuntimeConfig } from '../../../lib/runtime-config';
import { storeQueries } from '../../carts/api/get-stores';
import {
  SALUTATIONS,
  validateAddress,
  type AddressField,
  type AddressFields,
  type FieldErrors,
} from '../api/address-schemas';

export const EMPTY_ADDRESS: AddressFields = {
  salutation: '',
  firstName: '',
  lastName: '',
  company: '',
  address1: '',
  address2: '',
  address3: '',
  zipCode: '',
  city: '',
  iso2Code: '',
  phone: '',
};

const TEXT_FIELDS: {
  field: Exclude<AddressField, 'salutation' | 'iso2Code'>;
  label: MessageId;
  autoComplete: string;
}[] = [
  { field: 'firstName', label: 'addresses.form.firstName', autoComplete: 'given-name' },
  { field: 'lastName', label: 'addresses.form.lastName', autoComplete: 'family-name' },
  { field: 'company', label: 'addresses.form.company', autoComplete: 'organization' },
  { field: 'address1', label: 'addresses.form.address1', autoComplete: 'address-line1' },
  { field: 'address2', label: 'addresses.form.address2', autoComplete: 'address-line2' },
  { field: 'address3', label: 'addresses.form.address3', autoComplete: 'address-line3' },
  { field: 'zipCode', label: 'addresses.form.zipCode', autoComplete: 'postal-code' },
  { field: 'city', label: 'addresses.form.city', autoComplete: 'address-level2' },
  { field: 'phone', label: 'addresses.form.phone', autoComplete: 'tel' },
];

export interface AddressFormProps {
  title: MessageId;
  initial: AddressFields;
  /** Offer the two default flags (a new address); an existing one is made default by its buttons. */
  withDefaults: boolean;
  pending: boolean;
  /** Glue's refusals, by field, from the last attempt. */
  refused: FieldErrors;
  onSubmit: (fields: AddressFields, defaults: { shipping: boolean; billing: boolean }) => void;
  onCancel: () => void;
  /** A saved address keeps its country: Glue does not change it on PATCH (contract §8). */
  countryFixed?: boolean;
  /** What the submit button says; "Save address" unless told. */
  submitLabel?: MessageId;
}

/** One address, every field with its rule checked before sending and its error beside it. */
export function AddressForm({
  title,
  initial,
  withDefaults,
  pending,
  refused,
  onSubmit,
  onCancel,
  countryFixed = false,
  submitLabel = 'addresses.form.save',
}: AddressFormProps) {
  const t = useT();
  const format = useFormat();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState(initial);
  const [defaults, setDefaults] = useState({ shipping: false, billing: false });
  const [checked, setChecked] = useState<FieldErrors>({});
  const session = useGlueSession();
  const { store } = useRuntimeConfig();
  const stores = useQuery(storeQueries.current(session, store));
  const countries = stores.data?.countries ?? (initial.iso2Code ? [initial.iso2Code] : []);
  // The agent's own check first; Glue's word for a field the agent has not touched since.
  const errors: FieldErrors = { ...refused, ...checked };

  const set = (field: AddressField, value: string) => {
    setFields((current) => ({ ...current, [field]: value }));
    setChecked((current) => ({ ...current, [field]: undefined }));
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const found = validateAddress(fields);
    setChecked(found);
    const first = Object.keys(found)[0];
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    onSubmit(fields, defaults);
  }

  const fieldProps = (field: AddressField) => ({
    id: `${id}-${field}`,
    name: field,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${id}-${field}-error` : undefined,
  });
  const errorOf = (field: AddressField) => {
    const error = errors[field];
    return error ? (
      <p id={`${id}-${field}-error`} className="field__error">
        {t(error.id, error.values)}
      </p>
    ) : null;
  };

  return (
    <form
      ref={formRef}
      className="address-form"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      noValidate
    >
      <h3 id={`${id}-title`}>{t(title)}</h3>
      <div className="address-form__grid">
        <div className="field">
          <label htmlFor={`${id}-salutation`}>{t('addresses.form.salutation')}</label>
          <select
            {...fieldProps('salutation')}
            value={fields.salutation}
            onChange={(event) => set('salutation', event.target.value)}
          >
            <option value="">{t('addresses.form.choose')}</option>
            {SALUTATIONS.map((salutation) => (
              <option key={salutation} value={salutation}>
                {t('orders.address.salutation', { salutation })}
              </option>
            ))}
          </select>
          {errorOf('salutation')}
        </div>
        {TEXT_FIELDS.map(({ field, label, autoComplete }) => (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{t(label)}</label>
            <input
              {...fieldProps(field)}
              type={field === 'phone' ? 'tel' : 'text'}
              autoComplete={autoComplete}
              value={fields[field]}
              onChange={(event) => set(field, event.target.value)}
            />
            {errorOf(field)}
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-iso2Code`}>{t('addresses.form.country')}</label>
          <select
            {...fieldProps('iso2Code')}
            {...(countryFixed && { 'aria-describedby': `${id}-country-fixed`, disabled: true })}
            value={fields.iso2Code}
            onChange={(event) => set('iso2Code', event.target.value)}
          >
            <option value="">{t('addresses.form.choose')}</option>
            {countries.map((code) => (
              <option key={code} value={code}>
                {format.country(code)}
              </option>
            ))}
          </select>
          {errorOf('iso2Code')}
          {countryFixed && (
            <p id={`${id}-country-fixed`} className="field__hint">
              {t('addresses.form.countryFixed')}
            </p>
          )}
        </div>
      </div>
      {withDefaults && (
        <div className="address-form__defaults">
          <label>
            <input
              type="checkbox"
              checked={defaults.shipping}
              onChange={(event) => setDefaults((d) => ({ ...d, shipping: event.target.checked }))}
            />{' '}
            {t('addresses.form.defaultShipping')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={defaults.billing}
              onChange={(event) => setDefaults((d) => ({ ...d, billing: event.target.checked }))}
            />{' '}
            {t('addresses.form.defaultBilling')}
          </label>
        </div>
      )}
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={pending || undefined}
        >
          {t(pending ? 'addresses.saving' : submitLabel)}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('addresses.form.cancel')}
        </button>
      </div>
    </form>
  );
}
