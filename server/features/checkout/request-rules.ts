/**
 * The few Symfony Validator 6.4 constraints Glue's request validation (spryker/rest-request-
 * validator 1.6.0) builds from a module's `*.validation.yaml`, with Symfony's own semantics: null
 * passes every constraint but NotBlank (and the e-mail check); a Collection reports a missing key
 * as "This field is missing." and ignores keys it does not name; a value of the wrong kind for a
 * Collection or All is one violation, "This value should be of type …". Violations come in the
 * order Symfony finds them: field by field, depth first.
 */
import { ValidationMessages, tooShort } from '../../platform/errors';
import { isBlank } from '../../platform/jsonapi';

export interface Violation {
  /** Keys from the attributes down: `["payments", "0", "paymentMethodName"]`. */
  path: readonly string[];
  message: string;
}

export type Constraint = (value: unknown, path: readonly string[], found: Violation[]) => void;

/** A Collection field: required keys are reported missing, optional ones are not. */
export interface Field {
  required: boolean;
  constraints: readonly Constraint[];
}

export const required = (...constraints: Constraint[]): Field => ({ required: true, constraints });
export const optional = (...constraints: Constraint[]): Field => ({
  required: false,
  constraints,
});

function isObjectLike(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** PHP's (string) of a scalar. */
export function phpString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return '';
}

// PHP 8's is_numeric: white space around allowed, a sign, digits with a point, an exponent.
const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && NUMERIC.test(value);
}

export const notBlank: Constraint = (value, path, found) => {
  if (isBlank(value)) found.push({ path, message: ValidationMessages.notBlank });
};

export function minLength(min: number): Constraint {
  return (value, path, found) => {
    if (value === null || value === undefined) return;
    if (isObjectLike(value)) {
      found.push({ path, message: ValidationMessages.typeString });
      return;
    }
    // Symfony counts code points (mb_strlen).
    if ([...phpString(value)].length < min) found.push({ path, message: tooShort(min) });
  };
}

export function type(expected: 'boolean' | 'numeric' | 'string'): Constraint {
  const matches: Record<typeof expected, (value: unknown) => boolean> = {
    boolean: (value) => typeof value === 'boolean',
    numeric: isNumeric,
    string: (value) => typeof value === 'string',
  };
  const message: Record<typeof expected, string> = {
    boolean: ValidationMessages.typeBoolean,
    numeric: ValidationMessages.typeNumeric,
    string: ValidationMessages.typeString,
  };
  return (value, path, found) => {
    if (value === null || value === undefined) return;
    if (!matches[expected](value)) found.push({ path, message: message[expected] });
  };
}

/** `YYYY-MM-DD` naming a real day; null and "" pass (Symfony's Date). */
export const date: Constraint = (value, path, found) => {
  if (value === null || value === undefined || value === '') return;
  if (isObjectLike(value)) {
    found.push({ path, message: ValidationMessages.typeString });
    return;
  }
  if (!isDate(phpString(value))) found.push({ path, message: ValidationMessages.date });
};

export function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

// PHP's FILTER_VALIDATE_EMAIL, closely (php-src ext/filter `php_filter_validate_email`): a
// dot-atom or quoted local part of at most 64 characters; a host of dotted labels whose last
// starts with a letter, no label of 64 characters or more, or an address literal.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL = `(?:${ATOM}(?:\\.${ATOM})*|"(?:[^"\\\\\\r\\n]|\\\\.)*")`;
const LABEL = '[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*';
const TOP = '(?:[A-Za-z][A-Za-z0-9]*|xn--[A-Za-z0-9]+)(?:-+[A-Za-z0-9]+)*';
const HOST = `(?:(?!.*[^.]{64,})(?:${LABEL}\\.)+${TOP}|\\[(?:\\d{1,3}(?:\\.\\d{1,3}){3}|IPv6:[0-9A-Fa-f:.]+)\\])`;
const EMAIL = new RegExp(`^(${LOCAL})@${HOST}$`);

export function isEmail(value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const text = phpString(value);
  const match = EMAIL.exec(text);
  return match !== null && text.length <= 320 && (match[1] ?? '').length <= 64;
}

/** rest-request-validator's EmailConstraint: filter_var(FILTER_VALIDATE_EMAIL), null included. */
export const email: Constraint = (value, path, found) => {
  if (!isEmail(value)) found.push({ path, message: ValidationMessages.email });
};

/** A PHP array with these keys (a JSON object, or a list, whose keys are its indexes). */
export function collection(fields: Readonly<Record<string, Field>>): Constraint {
  return (value, path, found) => {
    if (value === null || value === undefined) return;
    if (!isObjectLike(value)) {
      found.push({ path, message: ValidationMessages.typeArray });
      return;
    }
    for (const [name, field] of Object.entries(fields)) {
      const at = [...path, name];
      if (Object.hasOwn(value, name)) {
        const fieldValue = (value as Record<string, unknown>)[name];
        for (const constraint of field.constraints) constraint(fieldValue, at, found);
      } else if (field.required) {
        found.push({ path: at, message: ValidationMessages.fieldMissing });
      }
    }
  };
}

/** Every element of a PHP array (a JSON list, or an object's values under their keys). */
export function all(...constraints: Constraint[]): Constraint {
  return (value, path, found) => {
    if (value === null || value === undefined) return;
    if (!isObjectLike(value)) {
      found.push({ path, message: ValidationMessages.typeIterable });
      return;
    }
    for (const [key, element] of Object.entries(value)) {
      for (const constraint of constraints) constraint(element, [...path, key], found);
    }
  };
}

/**
 * Glue's `<path> => <message>`: Symfony's property path `[a][0][b]` with `][` made `.` and the
 * other brackets dropped (rest-request-validator 1.6.0 `RestRequestValidator`).
 */
export function violationPath(path: readonly string[]): string {
  return path
    .map((key) => `[${key}]`)
    .join('')
    .replaceAll('][', '.')
    .replaceAll('[', '')
    .replaceAll(']', '');
}
