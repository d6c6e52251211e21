import { describe, expect, it } from 'vitest';
import { RETURNABLE_DAYS, isWithinReturnPeriod, salesOrderItemUuid } from './orders';

describe('salesOrderItemUuid', () => {
  it('is the version 5 UUID of sales_order_item.<id> in the OID name space', () => {
    // Python's uuid.uuid5(uuid.NAMESPACE_OID, 'sales_order_item.1') and so on.
    expect(salesOrderItemUuid(1)).toBe('cc0f14be-9a28-5fa9-968c-75b62f990e3c');
    expect(salesOrderItemUuid(2)).toBe('690d5ac9-ece1-5338-9870-7caf3311b14d');
    expect(salesOrderItemUuid(1001)).toBe('c99aa94a-884f-586d-a4c8-c90c120cd68f');
  });
});

describe('isWithinReturnPeriod', () => {
  const ordered = '2025-10-01 18:30:00.123456';
  const at = (text: string): number => Date.parse(text);

  it('counts whole days since the order, up to 30', () => {
    expect(RETURNABLE_DAYS).toBe(30);
    expect(isWithinReturnPeriod(ordered, at('2025-10-01T18:30:00Z'))).toBe(true);
    // 30 days and almost a day more are still 30 whole days.
    expect(isWithinReturnPeriod(ordered, at('2025-10-31T18:29:59Z'))).toBe(true);
    expect(isWithinReturnPeriod(ordered, at('2025-11-01T18:29:59Z'))).toBe(true);
    expect(isWithinReturnPeriod(ordered, at('2025-11-01T18:30:00Z'))).toBe(false);
  });
});
