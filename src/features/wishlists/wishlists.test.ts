import { describe, expect, it } from 'vitest';
import { toWishlistWithItems } from './api/wishlists';
import { wishlistNameProblem } from './components/wishlist-name';

describe('toWishlistWithItems', () => {
  it('names each item by its included product, in the order Glue lists the items', () => {
    const wishlist = toWishlistWithItems({
      data: {
        type: 'wishlists',
        id: 'w-1',
        attributes: {
          name: 'Birthday gifts',
          numberOfItems: 2,
          updatedAt: '2026-12-02 10:04:35.311557',
        },
        relationships: {
          'wishlist-items': {
            data: [{ id: '005_30663301' }, { id: '066_23294028' }],
          },
        },
      },
      included: [
        { type: 'concrete-products', id: '066_23294028', attributes: { name: 'Samsung Galaxy' } },
        { type: 'wishlist-items', id: '066_23294028', attributes: { sku: '066_23294028' } },
        { type: 'concrete-products', id: '005_30663301', attributes: { name: 'Canon IXUS 175' } },
        { type: 'wishlist-items', id: '005_30663301', attributes: { sku: '005_30663301' } },
      ],
    });
    expect(wishlist).toEqual({
      id: 'w-1',
      name: 'Birthday gifts',
      numberOfItems: 2,
      updatedAt: '2026-12-02 10:04:35.311557',
      items: [
        { sku: '005_30663301', name: 'Canon IXUS 175' },
        { sku: '066_23294028', name: 'Samsung Galaxy' },
      ],
    });
  });

  it('keeps an item whose product the shop no longer includes, by its SKU', () => {
    const wishlist = toWishlistWithItems({
      data: {
        type: 'wishlists',
        id: 'w-1',
        attributes: { name: 'Old', numberOfItems: 1 },
        relationships: { 'wishlist-items': { data: [{ id: '999_1' }] } },
      },
    });
    expect(wishlist.items).toEqual([{ sku: '999_1', name: null }]);
    expect(wishlist.updatedAt).toBeNull();
  });

  it('answers no items for a wishlist read without the include', () => {
    const wishlist = toWishlistWithItems({
      data: { type: 'wishlists', id: 'w-2', attributes: { name: 'New', numberOfItems: 0 } },
    });
    expect(wishlist.items).toEqual([]);
  });
});

describe('wishlistNameProblem', () => {
  it.each([
    ['', 'wishlists.name.blank'],
    ['   ', 'wishlists.name.blank'],
    ['x'.repeat(256), 'wishlists.name.tooLong'],
    ['Geschenke für Oma', 'glue.code.210'],
    ['Gifts.', 'glue.code.210'],
    ['birthday GIFTS', 'glue.code.202'],
    [' Birthday gifts ', 'glue.code.202'],
  ])('refuses %j before the shop is asked (%s)', (name, problem) => {
    expect(wishlistNameProblem(name, ['Birthday gifts'])).toBe(problem);
  });

  it.each(['Birthday gifts', 'For_Mia-2026', 'x'.repeat(255)])('lets %j go', (name) => {
    expect(wishlistNameProblem(name, ['Christmas'])).toBeNull();
  });
});
