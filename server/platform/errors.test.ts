import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Errors,
  GlueError,
  ValidationMessages,
  invalidPayment,
  productNotFound,
  tooLong,
  tooManyLoginAttempts,
  tooShort,
  validationFailed,
} from './errors';
import type { GlueErrorSpec } from './errors';

/** The contract as the repository holds it (a copy of the shared one). */
const CONTRACT = readFileSync(new URL('../../docs/glue-contract.md', import.meta.url), 'utf8');

function section(heading: string): string {
  const start = CONTRACT.indexOf(`\n## ${heading}`);
  const end = CONTRACT.indexOf('\n## ', start + 1);
  if (start < 0) throw new Error(`no section ${heading}`);
  return CONTRACT.slice(start, end < 0 ? undefined : end);
}

/** The catalogue's error for a code, with the parameterised ones filled in as the contract shows them. */
function catalogued(code: string): GlueErrorSpec | undefined {
  if (code === '102') return productNotFound('<sku>');
  if (code === '901') return validationFailed('quantity', ValidationMessages.greaterThanZero);
  if (code === '1108') return invalidPayment('<method>', '<provider>');
  return Object.values(Errors).find((spec: GlueErrorSpec) => spec.code === code);
}

describe('the error catalogue', () => {
  it('holds the contract’s codes and details', () => {
    expect(Errors.invalidAccessToken).toEqual({
      code: '001',
      status: 401,
      detail: 'Invalid access token.',
    });
    expect(Errors.missingAccessToken).toEqual({
      code: '002',
      status: 403,
      detail: 'Missing access token.',
    });
    expect(Errors.agentOnly.detail).toBe('Action is available to agent user only.');
    expect(Errors.orderNotFound.detail).toBe("Can't find order by the given order reference");
  });

  it('rounds the block time up to whole minutes', () => {
    expect(tooManyLoginAttempts(360).detail).toContain('Please wait 6 minutes');
    expect(tooManyLoginAttempts(361).detail).toContain('Please wait 7 minutes');
    expect(tooManyLoginAttempts(1).detail).toContain('Please wait 1 minutes');
  });

  it('formats a validation failure as "<field> => <message>"', () => {
    expect(validationFailed('quantity', 'This value should be greater than 0.')).toEqual({
      code: '901',
      status: 422,
      detail: 'quantity => This value should be greater than 0.',
    });
  });

  it('takes its status from the last error', () => {
    expect(new GlueError(Errors.invalidType, validationFailed('a', 'b')).status).toBe(422);
  });

  it('holds every row of the §5 error table, status and detail as written', () => {
    const rows = section('5. ')
      .split('\n')
      .filter((line) => /^\| `\d+`/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(14);
    for (const row of rows) {
      const [codes = '', status = '', details = ''] = row.split('|').slice(1, 4);
      // "`113` / `114` | 422 | `…added.` / `…updated.`": codes and details pair up in order.
      const codeList = [...codes.matchAll(/`(\d+)`/g)].map((match) => match[1] ?? '');
      const detailList = [...details.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
      codeList.forEach((code, index) => {
        expect({ row, error: catalogued(code) }).toEqual({
          row,
          error: { code, status: Number(status.trim()), detail: detailList[index] },
        });
      });
    }
  });

  it('holds every row of the §7 error table', () => {
    const rows = section('7. ')
      .split('\n')
      .filter((line) => /^\| `\d+`/.test(line));
    expect(rows).toHaveLength(1);
    for (const row of rows) {
      const [code = '', status = '', detail = ''] = row
        .split('|')
        .slice(1, 4)
        .map((cell) => cell.trim());
      const [, quoted = ''] = /^`([^`]+)`/.exec(detail) ?? [];
      const codeOnly = code.replace(/`/g, '');
      expect({ row, error: catalogued(codeOnly) }).toEqual({
        row,
        error: { code: codeOnly, status: Number(status), detail: quoted },
      });
    }
    expect(Errors.storeNotFound).toEqual({ code: '601', status: 404, detail: 'Store not found.' });
  });

  it('holds every row of the §9.6 error table, its default detail as written', () => {
    const rows = section('9. ')
      .split('\n')
      .filter((line) => /^\| `\d+`/.test(line));
    expect(rows.map((row) => /^\| `(\d+)`/.exec(row)?.[1])).toEqual([
      '001',
      '1101',
      '1102',
      '1103',
      '1104',
      '1105',
      '1106',
      '1107',
      '1108',
      '1109',
      '4301',
      '4302',
      '4303',
      '4304',
    ]);
    for (const row of rows) {
      const [code = '', status = '', detail = ''] = row
        .split('|')
        .slice(1, 4)
        .map((cell) => cell.trim());
      const [, quoted = ''] = /^`([^`]+)`/.exec(detail) ?? [];
      const codeOnly = code.replace(/`/g, '');
      expect({ row, error: catalogued(codeOnly) }).toEqual({
        row,
        error: { code: codeOnly, status: Number(status), detail: quoted },
      });
    }
  });

  it('holds the 404s of §5a', () => {
    const notFound = [...section('5a. ').matchAll(/`404 (\d+) ([^`]+)`/g)];
    expect(notFound.map((match) => match[1])).toEqual(['301', '302']);
    for (const [, code = '', detail] of notFound) {
      expect(catalogued(code)).toEqual({ code, status: 404, detail });
    }
  });

  it('holds every row of the §8.2 error table, status, code and detail as written', () => {
    // | when | status | code | detail |: the rows whose code cell names a code.
    const rows = section('8. ')
      .split('\n')
      .filter((line) => /^\| [^|]+ \| \d{3} \| `\d+` \|/.test(line));
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const [, status = '', code = '', detail = ''] = row
        .split('|')
        .slice(1, 5)
        .map((cell) => cell.trim());
      const codeOnly = code.replace(/`/g, '');
      const [, quoted = ''] = /^`([^`]+)`/.exec(detail) ?? [];
      const spec = catalogued(codeOnly);
      // 901's detail is a pattern, `<field> => <message>`: its messages are checked below.
      const want = { code: codeOnly, status: Number(status), detail: quoted };
      if (codeOnly === '901') want.detail = spec?.detail ?? '';
      expect({ row, error: spec }).toEqual({ row, error: want });
    }
    expect(Errors.addressNotFound).toEqual({
      code: '404',
      status: 404,
      detail: 'Address was not found.',
    });
    expect(Errors.customerUnauthorized).toEqual({
      code: '411',
      status: 403,
      detail: 'Unauthorized request.',
    });
  });

  it('holds every row of the §10 error table, status, code and detail as written', () => {
    // | when | status | code | detail |: the rows whose code cell names a code.
    const rows = section('10. ')
      .split('\n')
      .filter((line) => /^\| [^|]+ \| \d{3} \| `\d+` \|/.test(line));
    expect(rows.map((row) => /\| `(\d+)` \|/.exec(row)?.[1])).toEqual([
      '101',
      '3302',
      '3301',
      '3303',
      '901',
      '901',
    ]);
    // 901's two rows are the two rules of `code` (cart-codes.validation.yaml).
    const codeRules = [
      validationFailed('code', ValidationMessages.notBlank),
      validationFailed('code', ValidationMessages.fieldMissing),
    ];
    for (const row of rows) {
      const [, status = '', code = '', detail = ''] = row
        .split('|')
        .slice(1, 5)
        .map((cell) => cell.trim());
      const codeOnly = code.replace(/`/g, '');
      const [, quoted = ''] = /^`([^`]+)`/.exec(detail) ?? [];
      const want = { code: codeOnly, status: Number(status), detail: quoted };
      if (codeOnly === '901') expect(codeRules).toContainEqual(want);
      else expect({ row, error: catalogued(codeOnly) }).toEqual({ row, error: want });
    }
  });

  it('holds the Symfony messages §8.2 lists, word for word', () => {
    const [, list = ''] =
      /The messages used by the rules[^:]*:\n([\s\S]*?)\nExamples:/.exec(section('8. ')) ?? [];
    const messages = [...list.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    expect(messages).toEqual([
      ValidationMessages.fieldMissing,
      ValidationMessages.notBlank,
      ValidationMessages.notValidChoice,
      tooLong(100),
      // "(and `255`, `15`, `2`)"
      '255',
      '15',
      '2',
      tooShort(3),
      ValidationMessages.typeBool,
    ]);
  });
});
