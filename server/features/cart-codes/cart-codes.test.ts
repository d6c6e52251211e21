import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, readSeedCsv } from '../../platform/db';
import { START_SECONDS } from '../../platform/test-support';
import { insertFixedVoucher } from './cart-code-fixtures';
import { CartCodeStore } from './cart-codes';

let db: Database.Database;
let store: CartCodeStore;

beforeEach(async () => {
  db = await openDatabase(':memory:', { clock: () => START_SECONDS * 1000 });
  store = new CartCodeStore(db);
});

afterEach(() => db.close());

describe('the cart codes of the seed (§10a)', () => {
  it('holds every voucher of vouchers.csv with its discount, usage and validity', () => {
    const codes = readSeedCsv('vouchers.csv', ['code']).map((record) => record.code ?? '');
    expect(codes).toEqual(['sprykerku2f', 'sprykercu2d', 'sprykerya1y', 'intelcorebe1de2fa3g']);
    expect(store.voucher('sprykerku2f')).toEqual({
      id: 1,
      code: 'sprykerku2f',
      isActive: true,
      maxNumberOfUses: 10,
      numberOfUses: 0,
      discount: {
        idDiscount: 3,
        displayName: '5% off white',
        description: 'Get a 5% discount on all white products with voucher code',
        calculator: 'PLUGIN_CALCULATOR_PERCENTAGE',
        amount: 500,
        moneyValues: [],
        store: 'DE',
        decisionRule: 'sku = "*"',
        validFrom: '2016-01-01 09:00:00',
        validTo: '2037-12-31 11:59:00',
        isActive: true,
        isExclusive: false,
        priority: 9999,
        collectorSkus: [
          '026_21748904',
          '029_26976109',
          '058_24245592',
          '063_29231675',
          '156_32018944',
          '174_27253016',
        ],
      },
    });
    expect(store.voucher('intelcorebe1de2fa3g')).toMatchObject({
      maxNumberOfUses: 0,
      discount: {
        idDiscount: 4,
        displayName: '10% off Intel Core',
        amount: 1000,
        collectorSkus: [],
      },
    });
    expect(store.voucher('SPRYKERKU2F')).toBeNull();
  });

  it('holds the four gift cards, the spent one with nothing left', () => {
    const cards = ['GC-DEMO0050-26', 'GC-DEMO0100-26', 'GC-DEMOSPNT-26', 'GC-DEMOCHF0-26'].map(
      (code) => store.giftCard(code),
    );
    expect(cards.map((card) => [card?.value, card?.currency, card?.actualValue])).toEqual([
      [5000, 'EUR', 5000],
      [10000, 'EUR', 10000],
      [2000, 'EUR', 0],
      [3000, 'CHF', 3000],
    ]);
    expect(store.giftCard('sprykerku2f')).toBeNull();
  });

  it('reads a fixed-amount discount with its amounts per currency, when the database holds one', () => {
    insertFixedVoucher(db);
    expect(store.voucher('eur5off')).toMatchObject({
      code: 'eur5off',
      maxNumberOfUses: 0,
      discount: {
        idDiscount: 90,
        displayName: '5 EUR off',
        calculator: 'PLUGIN_CALCULATOR_FIXED',
        amount: 0,
        moneyValues: [
          { currency: 'CHF', grossAmount: null, netAmount: null },
          { currency: 'EUR', grossAmount: 500, netAmount: 420 },
        ],
        priority: 100,
      },
    });
    expect(store.voucher('eur5off')?.discount.collectorSkus).toHaveLength(60);
  });

  it('holds no calculator Spryker does not have, and one amount per currency', () => {
    insertFixedVoucher(db);
    expect(() =>
      db.exec("UPDATE discounts SET calculator = 'PLUGIN_CALCULATOR_FREE' WHERE id = 90"),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db.exec(
        "INSERT INTO discount_amounts (discount_id, currency, gross_amount) VALUES (90, 'EUR', 1)",
      ),
    ).toThrow(/UNIQUE constraint failed/);
  });

  it('gives a cart no codes until one is applied', () => {
    expect(store.codesOf([1, 2, 3])).toEqual(new Map());
  });
});
