import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GlueError, describeGlueError } from './glue-errors';

/**
 * Sections of endpoints the console never calls: §11's wishlists (only the stand-in's tests call
 * them so far), §14's reorder (not in release 202410).
 */
const NOT_CALLED = ['## 14. Reorder'];

/** Every error code the contract's tables name: a cell that holds codes alone (`113` / `114`). */
function contractCodes(): string[] {
  const whole = readFileSync(new URL('../../docs/glue-contract.md', import.meta.url), 'utf8');
  const contract = whole
    .split(/\n(?=## )/)
    .filter((section) => !NOT_CALLED.some((title) => section.startsWith(title)))
    .join('\n');
  const cells = contract.matchAll(
    /\|\s*(`\d{3,4}`(?:\s*\/\s*`\d{3,4}`)*)(?:\s*\(status \d+\))?\s*\|/g,
  );
  return [...new Set([...cells].flatMap(([, cell]) => cell!.match(/\d{3,4}/g) ?? []))].sort();
}

describe('describeGlueError', () => {
  it('has the console’s own sentence for every code of the contract', () => {
    const codes = contractCodes();
    expect(codes.length).toBeGreaterThan(40);
    const generic = codes.filter(
      (code) => describeGlueError(new GlueError(422, code, 'x', '/x')).id === 'glue.unknown',
    );
    expect(generic).toEqual([]);
  });

  it('hands a checkout refusal’s reason on, in the words Glue gave', () => {
    const refusal = new GlueError(422, '1102', 'Versandart nicht gefunden.', '/checkout');
    expect(describeGlueError(refusal)).toEqual({
      id: 'glue.code.1102',
      values: { minutes: 0, detail: 'Versandart nicht gefunden.' },
    });
  });

  it('says an unknown code by its status', () => {
    expect(describeGlueError(new GlueError(418, '9999', 'x', '/x')).id).toBe('glue.unknown');
    expect(describeGlueError(new GlueError(503, undefined, 'x', '/x')).id).toBe('glue.failed');
  });
});
