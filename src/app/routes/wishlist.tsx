import { Link, useNavigate, useParams } from 'react-router-dom';
import { WishlistDetail } from '../../features/wishlists/components/wishlist-detail';
import { useT } from '../../i18n/translate';
import { wishlistsPath } from '../paths';
import { useActingName } from './customer-workspace';

/** One of the customer's wishlists; once deleted, the agent is back on the wishlists. */
export function WishlistScreen() {
  const t = useT();
  const navigate = useNavigate();
  const { customerReference = '', wishlistId = '' } = useParams();
  return (
    <div className="workspace">
      <p>
        <Link to={wishlistsPath(customerReference)}>{t('wishlistScreen.back')}</Link>
      </p>
      <WishlistDetail
        customerReference={customerReference}
        wishlistId={wishlistId}
        customerName={useActingName() ?? customerReference}
        onDeleted={(name) =>
          void navigate(wishlistsPath(customerReference), { state: { deletedWishlist: name } })
        }
      />
    </div>
  );
}
