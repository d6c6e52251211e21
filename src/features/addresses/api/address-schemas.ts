import * as z from 'zod/mini';
import type { MessageId } from '../../../i18n/translate';
import { GlueError } from '../../../lib/glue-errors';

// Contract §8: every attribute always present, null when empty.
const text = z.nullable(z.optional(z.string()));
export const addressResourceSchema = z.object({
  type: z.literal('addresses'),
  id: z.string(),
  attributes: z.object({
    salutation: text,
    firstName: text,
    lastName: text,
    address1: text,
    address2: text,
    address3: text,
    zipCode: text,
    city: text,
    country: text,
    iso2Code: text,
    company: text,
    phone: text,
    isDefaultShipping: z.nullable(z.optional(z.boolean())),
    isDefaultBilling: z.nullable(z.optional(z.boolean())),
  }),
});

export const addressesDocumentSchema = z.object({ data: z.array(addressResourceSchema) });
export const addressDocumentSchema = z.object({ data: addressResourceSchema });

/** The salutations Glue accepts (§8.1). */
export const SALUTATIONS = ['Mr', 'Mrs', 'Ms', 'Dr'] as const;

/** What the agent types: every field a string ("" when empty), as in the form. */
export interface AddressFields {
  salutation: string;
  firstName: string;
  lastName: string;
  company: string;
  address1: string;
  address2: string;
  address3: string;
  zipCode: string;
  city: string;
  iso2Code: string;
  phone: string;
}

export type AddressField = keyof AddressFields;

export interface Address extends AddressFields {
  id: string;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
}

export function toAddress(resource: z.infer<typeof addressResourceSchema>): Address {
  const a = resource.attributes;
  return {
    id: resource.id,
    salutation: a.salutation ?? '',
    firstName: a.firstName ?? '',
    lastName: a.lastName ?? '',
    company: a.company ?? '',
    address1: a.address1 ?? '',
    address2: a.address2 ?? '',
    address3: a.address3 ?? '',
    zipCode: a.zipCode ?? '',
    city: a.city ?? '',
    iso2Code: a.iso2Code ?? '',
    phone: a.phone ?? '',
    isDefaultShipping: a.isDefaultShipping === true,
    isDefaultBilling: a.isDefaultBilling === true,
  };
}

/** What one field's error says, with the numbers it names. */
export interface FieldError {
  id: MessageId;
  values?: Record<string, number>;
}

export type FieldErrors = Partial<Record<AddressField, FieldError>>;

/** §8.1's rules, checked before sending, so the agent sees them at once and in their language. */
const RULES: Record<AddressField, { required: boolean; min?: number; max?: number }> = {
  salutation: { required: true },
  firstName: { required: true, max: 100 },
  lastName: { required: true, max: 100 },
  company: { required: false },
  address1: { required: true, max: 255 },
  address2: { required: true, max: 255 },
  address3: { required: false, max: 255 },
  zipCode: { required: true, max: 15 },
  city: { required: true, min: 3, max: 255 },
  iso2Code: { required: true, max: 2 },
  phone: { required: false, max: 255 },
};

export function validateAddress(fields: AddressFields): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, rule] of Object.entries(RULES) as [
    AddressField,
    (typeof RULES)[AddressField],
  ][]) {
    const value = fields[field].trim();
    if (rule.required && !value) errors[field] = { id: 'addresses.error.blank' };
    else if (rule.min !== undefined && value && value.length < rule.min)
      errors[field] = { id: 'addresses.error.tooShort', values: { min: rule.min } };
    else if (rule.max !== undefined && value.length > rule.max)
      errors[field] = { id: 'addresses.error.tooLong', values: { max: rule.max } };
  }
  if (fields.salutation && !(SALUTATIONS as readonly string[]).includes(fields.salutation)) {
    errors.salutation = { id: 'addresses.error.choice' };
  }
  return errors;
}

/** Symfony's messages (§8.2) as the console's own, so Glue's refusals read at the field too. */
const GLUE_MESSAGES: [RegExp, (match: RegExpExecArray) => FieldError][] = [
  [/^This field is missing\.$/, () => ({ id: 'addresses.error.blank' })],
  [/^This value should not be blank\.$/, () => ({ id: 'addresses.error.blank' })],
  [/^The value you selected is not a valid choice\.$/, () => ({ id: 'addresses.error.choice' })],
  [
    /^This value is too long\. It should have (\d+) characters? or less\.$/,
    (m) => ({ id: 'addresses.error.tooLong', values: { max: Number(m[1]) } }),
  ],
  [
    /^This value is too short\. It should have (\d+) characters? or more\.$/,
    (m) => ({ id: 'addresses.error.tooShort', values: { min: Number(m[1]) } }),
  ],
];

/**
 * The fields a 422 901 names ("city => This value is too short…"), each with its first error;
 * `under` reads the ones of a nested address ("shippingAddress.city => …", checkout §9.7).
 */
export function fieldErrorsOf(error: unknown, under = ''): FieldErrors {
  if (!(error instanceof GlueError) || error.code !== '901') return {};
  const errors: FieldErrors = {};
  for (const { detail } of error.errors) {
    const [path, text] = detail.split(' => ');
    if (under && !path?.startsWith(`${under}.`)) continue;
    const field = under ? path?.slice(under.length + 1) : path;
    if (!field || !text || !(field in RULES) || errors[field as AddressField]) continue;
    const known = GLUE_MESSAGES.map(([pattern, read]) => {
      const match = pattern.exec(text);
      return match && read(match);
    }).find(Boolean);
    errors[field as AddressField] = known ?? { id: 'addresses.error.refused' };
  }
  return errors;
}

/** A one-line label for lists and the activity log: "Julie-Wolfthorn-Straße 1, 10115 Berlin". */
export function addressLine(address: AddressFields): string {
  const street = [address.address1, address.address2].filter(Boolean).join(' ');
  const place = [address.zipCode, address.city].filter(Boolean).join(' ');
  return [street, place].filter(Boolean).join(', ');
}
