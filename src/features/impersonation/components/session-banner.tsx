import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatTimeLeft } from '../../../components/format';
import { useNow } from '../../../components/use-now';
import type { CustomerProfile } from '../../../lib/glue-session';

interface SessionBannerProps {
  customer: CustomerProfile;
  /** When the customer's access token expires; it is renewed before then. */
  expiresAt: number;
  ending: boolean;
  onEnd: () => void;
  onSwitch: () => void;
}

/** While acting as a customer, this stays on every screen: whose account this is, and the way out. */
export function SessionBanner({
  customer,
  expiresAt,
  ending,
  onEnd,
  onSwitch,
}: SessionBannerProps) {
  const now = useNow();
  const [confirmingSwitch, setConfirmingSwitch] = useState(false);
  const name = `${customer.firstName} ${customer.lastName}`.trim();

  return (
    <section className="banner" aria-label="Customer session">
      <div className="banner__who">
        <span className="banner__tag">Acting as</span>
        <strong className="banner__name">{name}</strong>
        <span>{customer.email}</span>
        <span className="mono">{customer.customerReference}</span>
      </div>
      <div className="banner__actions">
        <span
          className="banner__time"
          title="The customer's access token is renewed automatically before it runs out."
        >
          Token valid for <time>{formatTimeLeft(expiresAt - now)}</time>
        </span>
        <button
          type="button"
          className="button button--on-banner"
          onClick={() => setConfirmingSwitch(true)}
          disabled={ending}
        >
          Switch customer
        </button>
        <button
          type="button"
          className="button button--on-banner-strong"
          onClick={onEnd}
          disabled={ending}
        >
          {ending ? 'Ending…' : 'End session'}
        </button>
      </div>
      <ConfirmDialog
        open={confirmingSwitch}
        title="Switch customer?"
        confirmLabel="End session and switch"
        onCancel={() => setConfirmingSwitch(false)}
        onConfirm={() => {
          setConfirmingSwitch(false);
          onSwitch();
        }}
      >
        <p>
          Your session as {name} ({customer.customerReference}) ends, and nothing of theirs stays on
          screen. You can then choose another customer.
        </p>
      </ConfirmDialog>
    </section>
  );
}
