import { beforeAll, describe, expect, it } from 'vitest';
import { translatorFor, type Translate } from '../../i18n/translate';
import { toReturns } from './api/returns';
import { whyNotReturnable } from './components/return-items-panel';

let english: Translate;
beforeAll(async () => {
  english = await translatorFor('en');
});

const ITEM = {
  name: 'Canon IXUS 175',
  sku: '005_30663301',
  quantity: 1,
  unitPrice: 7000,
  sumPrice: 7000,
};
const DAY = 86_400_000;
const PLACED = '2026-11-01 10:00:00.000000';
const at = (days: number) => Date.parse('2026-11-01T10:00:00') + days * DAY;

describe('why an order item cannot be returned', () => {
  it('says nothing for a returnable item', () => {
    expect(
      whyNotReturnable(
        { ...ITEM, uuid: 'u', isReturnable: true, state: 'delivered' },
        PLACED,
        at(3),
      ),
    ).toBeNull();
  });

  it('names the return under way, the state, or the days past the period, in that order', () => {
    const why = (state: string, days: number) =>
      english(
        whyNotReturnable({ ...ITEM, uuid: 'u', isReturnable: false, state }, PLACED, at(days))!,
      );
    expect(why('waiting for return', 40)).toBe('already being returned');
    expect(why('paid', 40)).toBe(
      'not shipped yet, only shipped or delivered items can be returned',
    );
    expect(why('delivered', 31)).toBe('ordered 31 days ago, the return period is 30 days');
    // Within the period and delivered, yet the shop says no: its reason is not known.
    expect(why('delivered', 3)).toBe('the shop does not allow returning it');
  });

  it('says the shop does not allow it when Glue gives no uuid (a Glue before returns)', () => {
    expect(english(whyNotReturnable({ ...ITEM, state: 'delivered' }, PLACED, at(3))!)).toBe(
      'the shop does not allow returning it',
    );
  });
});

describe('the returns list', () => {
  it('joins each return item to its order item through the includes, and keeps an item without one', () => {
    const returns = toReturns({
      data: [
        {
          type: 'returns',
          id: 'DE--21-R1',
          attributes: { returnTotals: { refundTotal: 0, remunerationTotal: 7000 } },
          relationships: {
            'return-items': { data: [{ id: 'r-1' }, { id: 'r-2' }] },
          },
        },
      ],
      included: [
        {
          type: 'return-items',
          id: 'r-1',
          attributes: { reason: 'Damaged', orderItemUuid: 'o-1' },
        },
        { type: 'return-items', id: 'r-2', attributes: { reason: null, orderItemUuid: 'o-2' } },
        { type: 'order-items', id: 'o-1', attributes: { ...ITEM, state: 'waiting for return' } },
      ],
    });
    expect(returns).toEqual([
      {
        reference: 'DE--21-R1',
        remunerationTotal: 7000,
        items: [
          {
            orderItemUuid: 'o-1',
            reason: 'Damaged',
            name: ITEM.name,
            sku: ITEM.sku,
            quantity: 1,
            state: 'waiting for return',
          },
          {
            orderItemUuid: 'o-2',
            reason: null,
            name: null,
            sku: null,
            quantity: null,
            state: null,
          },
        ],
      },
    ]);
  });
});
