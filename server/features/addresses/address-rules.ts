import {
  GlueError,
  ValidationMessages,
  tooLong,
  tooShort,
  validationFailed,
} from '../../platform/errors';
import type { GlueErrorSpec } from '../../platform/errors';
import { isBlank } from '../../platform/jsonapi';
import type { Attributes } from '../../platform/jsonapi';

/** §8.1: the salutations an address may have (release 202410 has no `n/a`). */
export const SALUTATIONS = ['Mr', 'Mrs', 'Ms', 'Dr'] as const;

/** What an address holds besides its default flags, as stored and answered. */
export interface AddressFields {
  salutation: string;
  firstName: string;
  lastName: string;
  address1: string;
  address2: string;
  address3: string | null;
  zipCode: string;
  city: string;
  iso2Code: string;
  company: string | null;
  phone: string | null;
}

/** A flag as sent: `true` makes the address that default; `false` and `null` change nothing. */
export type DefaultFlag = boolean | null;

/** A valid request's attributes: the fields sent (all of them on POST) and the two flags. */
export interface AddressRequest<F extends Partial<AddressFields> = Partial<AddressFields>> {
  fields: F;
  isDefaultShipping: DefaultFlag;
  isDefaultBilling: DefaultFlag;
}

/**
 * PHP's `(string)` of a decoded JSON scalar: what Symfony's Length constraint measures and Propel
 * stores (`true` → `"1"`, `false` → `""`, floats at PHP's `precision` of 14 digits).
 */
export function phpString(value: string | number | boolean): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '';
  // JSON integers within PHP_INT_MAX decode to PHP integers: every digit is kept.
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return BigInt(value).toString();
  if (!Number.isFinite(value)) return value > 0 ? 'INF' : '-INF';
  const [mantissa = '', exponentText = '0'] = value.toExponential(13).split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 14) {
    const digits = mantissa.replace(/\.?0+$/, '');
    const sign = exponent < 0 ? '-' : '+';
    return `${digits.includes('.') ? digits : `${digits}.0`}E${sign}${Math.abs(exponent)}`;
  }
  return value
    .toPrecision(14)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** One constraint: the message it fails with, or null when the value passes. */
type Rule = (value: unknown) => string | null;

const notBlank: Rule = (value) => (isBlank(value) ? ValidationMessages.notBlank : null);

/**
 * Symfony's Length: null passes; an array or object cannot be measured ("should be of type
 * string", Symfony's answer to its UnexpectedValueException); a scalar is measured as PHP's string
 * of it, in code points.
 */
function length(min: number, max: number): Rule {
  return (value) => {
    if (value === null) return null;
    if (!isScalar(value)) return ValidationMessages.typeString;
    const count = [...phpString(value)].length;
    if (count > max) return tooLong(max);
    return count < min ? tooShort(min) : null;
  };
}

const maxLength = (max: number): Rule => length(0, max);

/** Symfony's Choice (strict, as in Symfony 6): null passes, anything else must be one of them. */
function choice(choices: readonly string[]): Rule {
  return (value) =>
    value === null || (typeof value === 'string' && choices.includes(value))
      ? null
      : ValidationMessages.notValidChoice;
}

/** Symfony's Type bool: null passes. */
const typeBool: Rule = (value) =>
  value === null || typeof value === 'boolean' ? null : ValidationMessages.typeBool;

/**
 * `company` has no rule in Glue; Zed's Propel stores PHP's string of a scalar and fails on an
 * array (a 500 the contract does not list). The stand-in refuses one like any other field that
 * cannot be a string.
 */
const scalarOrNull: Rule = (value) =>
  value === null || isScalar(value) ? null : ValidationMessages.typeString;

type FieldName = keyof AddressFields;

interface FieldRule {
  name: FieldName | 'isDefaultShipping' | 'isDefaultBilling';
  /** The key must be there on POST (`This field is missing.`). */
  required: boolean;
  rules: readonly Rule[];
}

/** §8.1, in the order Glue reports the errors: every failing rule of a field, field by field. */
const FIELD_RULES: readonly FieldRule[] = [
  { name: 'salutation', required: true, rules: [notBlank, choice(SALUTATIONS)] },
  { name: 'firstName', required: true, rules: [notBlank, maxLength(100)] },
  { name: 'lastName', required: true, rules: [notBlank, maxLength(100)] },
  { name: 'address1', required: true, rules: [notBlank, maxLength(255)] },
  { name: 'address2', required: true, rules: [notBlank, maxLength(255)] },
  { name: 'address3', required: false, rules: [maxLength(255)] },
  { name: 'zipCode', required: true, rules: [notBlank, maxLength(15)] },
  { name: 'city', required: true, rules: [notBlank, length(3, 255)] },
  { name: 'iso2Code', required: true, rules: [notBlank, maxLength(2)] },
  { name: 'company', required: false, rules: [scalarOrNull] },
  { name: 'phone', required: false, rules: [maxLength(255)] },
  { name: 'isDefaultShipping', required: true, rules: [typeBool] },
  { name: 'isDefaultBilling', required: true, rules: [typeBool] },
];

/** The errors of §8.1's rules for the attributes sent: POST checks every required key is there. */
export function addressErrors(attributes: Attributes, method: 'POST' | 'PATCH'): GlueErrorSpec[] {
  return FIELD_RULES.flatMap(({ name, required, rules }) => {
    if (!Object.hasOwn(attributes, name)) {
      return method === 'POST' && required
        ? [validationFailed(name, ValidationMessages.fieldMissing)]
        : [];
    }
    const value = attributes[name];
    return rules.flatMap((rule) => {
      const message = rule(value);
      return message === null ? [] : [validationFailed(name, message)];
    });
  });
}

function storedValue(value: unknown): string | null {
  return isScalar(value) ? phpString(value) : null;
}

function flag(attributes: Attributes, name: 'isDefaultShipping' | 'isDefaultBilling'): DefaultFlag {
  const value = attributes[name];
  return typeof value === 'boolean' ? value : null;
}

function throwIfAny(errors: GlueErrorSpec[]): void {
  const [first, ...rest] = errors;
  if (first !== undefined) throw new GlueError(first, ...rest);
}

/**
 * A POST's attributes, validated (422 901 for every failing rule, in §8.1's order), as they are
 * stored: a scalar as PHP's string of it. `country` and unknown keys are ignored.
 */
export function readNewAddress(attributes: Attributes): AddressRequest<AddressFields> {
  throwIfAny(addressErrors(attributes, 'POST'));
  const required = (name: FieldName): string => storedValue(attributes[name]) ?? '';
  const optional = (name: FieldName): string | null =>
    Object.hasOwn(attributes, name) ? storedValue(attributes[name]) : null;
  return {
    fields: {
      salutation: required('salutation'),
      firstName: required('firstName'),
      lastName: required('lastName'),
      address1: required('address1'),
      address2: required('address2'),
      address3: optional('address3'),
      zipCode: required('zipCode'),
      city: required('city'),
      iso2Code: required('iso2Code'),
      company: optional('company'),
      phone: optional('phone'),
    },
    isDefaultShipping: flag(attributes, 'isDefaultShipping'),
    isDefaultBilling: flag(attributes, 'isDefaultBilling'),
  };
}

/** A PATCH's attributes, validated: only the keys sent, each as it is stored. */
export function readAddressChange(attributes: Attributes): AddressRequest {
  throwIfAny(addressErrors(attributes, 'PATCH'));
  const fields: Partial<Record<FieldName, string | null>> = {};
  for (const { name } of FIELD_RULES) {
    if (name === 'isDefaultShipping' || name === 'isDefaultBilling') continue;
    if (Object.hasOwn(attributes, name)) fields[name] = storedValue(attributes[name]);
  }
  return {
    fields: fields as Partial<AddressFields>,
    isDefaultShipping: flag(attributes, 'isDefaultShipping'),
    isDefaultBilling: flag(attributes, 'isDefaultBilling'),
  };
}
