import type { MessageId } from '../../../i18n/translate';
import { WISHLIST_NAME, WISHLIST_NAME_MAX } from '../api/wishlists';

/**
 * What the shop would refuse in a wishlist's name (§11), said before anything is sent; null when
 * it may go. `taken`: the names of the customer's other wishlists.
 */
export function wishlistNameProblem(name: string, taken: readonly string[]): MessageId | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'wishlists.name.blank';
  if ([...trimmed].length > WISHLIST_NAME_MAX) return 'wishlists.name.tooLong';
  // The shop's own refusals, in the console's words for them, before the shop is asked.
  if (!WISHLIST_NAME.test(trimmed)) return 'glue.code.210';
  // Glue compares names as the database does: letter case aside (utf8 general collation).
  if (taken.some((other) => other.trim().toLowerCase() === trimmed.toLowerCase())) {
    return 'glue.code.202';
  }
  return null;
}
