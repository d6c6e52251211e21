import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ShipmentMethods, phpJson, readShipmentMethods, shipmentHash } from './shipment-methods';

describe('the shipment methods of store DE', () => {
  it('are shipment-methods.csv’s, with their DE prices and tax rates', () => {
    expect(
      readShipmentMethods().map((method) => [method.id, method.name, method.grossPrice]),
    ).toEqual([
      [1, 'Standard', 490],
      [2, 'Express', 590],
      [3, 'Standard', 500],
      [4, 'Same Day', 1000],
      [5, 'Next Day', 1500],
      [11, 'NoShipment', 0],
    ]);
    expect(new ShipmentMethods().find(2)).toMatchObject({ carrierName: 'DHL', taxRate: '19.00' });
    expect(new ShipmentMethods().find(99)).toBeNull();
  });

  it('offer NoShipment to gift cards alone, every other method to anything else', () => {
    const methods = new ShipmentMethods();
    expect(methods.availableFor(['666']).map((method) => method.id)).toEqual([11]);
    expect(methods.availableFor(['666', '155']).map((method) => method.id)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });
});

describe('a delivery’s id', () => {
  it('writes JSON as PHP’s json_encode does with Spryker’s flags', () => {
    expect(phpJson({})).toBe('[]');
    expect(phpJson({ city: 'Köln', street: 'O\'Hara & <Söhne>/"1"' })).toBe(
      '{"city":"K\\u00f6ln","street":"O\\u0027Hara \\u0026 \\u003CS\\u00f6hne\\u003E\\/\\u00221\\u0022"}',
    );
  });

  it('is md5 of method, address key and date, as ShipmentHashGenerator makes it', () => {
    const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
    expect(shipmentHash(null, null, null)).toBe(md5('---[]'));
    const express = new ShipmentMethods().find(2);
    expect(shipmentHash(express, null, '2027-02-01')).toBe(
      md5('{"name":"Express","carrierName":"DHL"}--2027-02-01-[]'),
    );
  });
});
