import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import { ErrorNotice } from '../../../components/error-notice';
import { T, message, useT } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { useCreateWishlist, wishlistQueries } from '../api/wishlists';
import { WishlistNameForm } from './wishlist-name-form';

interface WishlistsPanelProps {
  customerReference: string;
  wishlistPath: (wishlistId: string) => string;
}

/** The customer's wishlists, by name with their item counts, and a new one. One request. */
export function WishlistsPanel({ customerReference, wishlistPath }: WishlistsPanelProps) {
  const t = useT();
  const session = useGlueSession();
  const wishlists = useQuery(wishlistQueries.list(session, customerReference));
  const create = useCreateWishlist(customerReference);
  // The wishlist screen comes back here after a deletion, naming what it deleted.
  const deleted = (useLocation().state as { deletedWishlist?: string } | null)?.deletedWishlist;

  return (
    <section className="panel" aria-labelledby="wishlists-title">
      <h2 id="wishlists-title">{t('wishlists.title')}</h2>
      {wishlists.isPending && <p className="muted">{t('wishlists.loading')}</p>}
      {wishlists.isError && (
        <ErrorNotice
          error={wishlists.error}
          text={message('wishlists.loadFailed', { error: describeError(wishlists.error) })}
        />
      )}
      {wishlists.data?.length === 0 && <p className="muted">{t('wishlists.none')}</p>}
      {wishlists.data && wishlists.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('wishlists.column.wishlist')}</th>
              <th scope="col" className="num">
                {t('wishlists.column.items')}
              </th>
            </tr>
          </thead>
          <tbody>
            {wishlists.data.map((wishlist) => (
              <tr key={wishlist.id}>
                <td>
                  <Link to={wishlistPath(wishlist.id)}>{wishlist.name}</Link>
                </td>
                <td className="num">{wishlist.numberOfItems}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <WishlistNameForm
        label={t('wishlists.new.label')}
        submitLabel={t('wishlists.new.create')}
        busyLabel={t('wishlists.new.creating')}
        busy={create.isPending}
        taken={wishlists.data?.map((wishlist) => wishlist.name) ?? []}
        onSubmit={(name) => create.mutateAsync(name)}
      />
      {create.isError && (
        <ErrorNotice
          error={create.error}
          text={message('wishlists.new.failed', { error: describeError(create.error) })}
        />
      )}
      <p className="muted small" role="status">
        {deleted && !create.isSuccess && t('wishlists.deleted', { name: deleted })}
        {create.isSuccess && (
          <T
            id="wishlists.new.created"
            values={{ name: create.data.name }}
            components={{ 0: <Link to={wishlistPath(create.data.id)} /> }}
          />
        )}
      </p>
    </section>
  );
}
