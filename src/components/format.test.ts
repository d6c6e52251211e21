import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTimeLeft } from './format';

describe('formatTimeLeft', () => {
  it('shows hours only when there are some', () => {
    expect(formatTimeLeft(28_800_000)).toBe('8:00:00');
    expect(formatTimeLeft(3_909_000)).toBe('1:05:09');
    expect(formatTimeLeft(299_000)).toBe('4:59');
    expect(formatTimeLeft(9_000)).toBe('0:09');
  });

  it('counts whole days past two days', () => {
    expect(formatTimeLeft(2_628_000_000)).toBe('30 days');
    expect(formatTimeLeft(172_799_000)).toBe('47:59:59');
  });

  it('rounds up partial seconds and never goes below zero', () => {
    expect(formatTimeLeft(1)).toBe('0:01');
    expect(formatTimeLeft(-5_000)).toBe('0:00');
  });
});

describe('formatDateTime', () => {
  it('reads Glue’s "Y-m-d H:i:s" as UTC and ISO as it is, and leaves anything else alone', () => {
    expect(formatDateTime('2024-05-01 10:20:30.000000')).toBe(
      formatDateTime('2024-05-01T10:20:30Z'),
    );
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
