import { describe, expect, it } from 'vitest';
import { GlueError } from '../../../lib/glue-errors';
import { EMPTY_ADDRESS } from '../components/address-form';
import { fieldErrorsOf, validateAddress, type Address } from './address-schemas';
import { withAnswer } from './change-address';

const SONIA = {
  ...EMPTY_ADDRESS,
  salutation: 'Ms',
  firstName: 'Sonia',
  lastName: 'Wagner',
  address1: 'Julie-Wolfthorn-Straße',
  address2: '1',
  zipCode: '10115',
  city: 'Berlin',
  iso2Code: 'DE',
};
const address = (id: string, shipping: boolean, billing: boolean): Address => ({
  ...SONIA,
  id,
  isDefaultShipping: shipping,
  isDefaultBilling: billing,
});

describe('an address before it is sent (§8.1)', () => {
  it('passes when every required field is filled', () => {
    expect(validateAddress(SONIA)).toEqual({});
  });

  it('names each broken rule at its field', () => {
    expect(
      validateAddress({
        ...SONIA,
        salutation: 'Herr',
        firstName: ' ',
        city: 'Bo',
        zipCode: '1'.repeat(16),
      }),
    ).toEqual({
      salutation: { id: 'addresses.error.choice' },
      firstName: { id: 'addresses.error.blank' },
      city: { id: 'addresses.error.tooShort', values: { min: 3 } },
      zipCode: { id: 'addresses.error.tooLong', values: { max: 15 } },
    });
  });
});

describe('Glue’s 422 901 at the fields', () => {
  it('reads every error of the document, the first per field', () => {
    const error = new GlueError(
      422,
      '901',
      'city => This value is too short. It should have 3 characters or more.',
      'POST /x',
      [
        { code: '901', detail: 'salutation => This value should not be blank.' },
        { code: '901', detail: 'salutation => The value you selected is not a valid choice.' },
        {
          code: '901',
          detail: 'zipCode => This value is too long. It should have 15 characters or less.',
        },
        {
          code: '901',
          detail: 'city => This value is too short. It should have 3 characters or more.',
        },
        { code: '901', detail: 'phone => Something new.' },
      ],
    );
    expect(fieldErrorsOf(error)).toEqual({
      salutation: { id: 'addresses.error.blank' },
      zipCode: { id: 'addresses.error.tooLong', values: { max: 15 } },
      city: { id: 'addresses.error.tooShort', values: { min: 3 } },
      phone: { id: 'addresses.error.refused' },
    });
    expect(fieldErrorsOf(new GlueError(404, '404', 'Address was not found.', 'x'))).toEqual({});
  });
});

describe('the list after an answer, without asking again', () => {
  const list = [address('a', true, true), address('b', false, false)];

  it('moves a default to the address that took it, and keeps the order', () => {
    const answer = address('b', true, false);
    const after = withAnswer(
      list,
      { kind: 'make-default', address: list[1]!, which: 'shipping' },
      answer,
    );
    expect(after.map((a) => [a.id, a.isDefaultShipping, a.isDefaultBilling])).toEqual([
      ['a', false, true],
      ['b', true, false],
    ]);
  });

  it('adds a new address at the end, and drops a deleted one', () => {
    const added = withAnswer(
      list,
      { kind: 'add', fields: SONIA, isDefaultShipping: false, isDefaultBilling: false },
      address('c', false, false),
    );
    expect(added.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(withAnswer(list, { kind: 'delete', address: list[0]! }, null).map((a) => a.id)).toEqual([
      'b',
    ]);
  });
});
