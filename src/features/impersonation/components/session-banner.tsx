import { fullName } from '../../customers/components/customer-picker';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatTimeLeft } from '../../../components/format';
import { useNow } from '../../../components/use-now';
import type { CustomerProfile } from '../../../lib/glue-session';

interface SessionBannerProps {
  customer: CustomerProfile;
  /** When the session ends unless the agent does something. */
  idleDeadline: number;
  /** When the refresh token runs out: past it, the session cannot be kept alive. */
  renewableUntil: number;
  /** The idle limit, in words, e.g. "15 minutes". */
  idleLimit: string;
  ending: boolean;
  extending: boolean;
  /** Why the last "Extend" failed, if it did. */
  extendError: string | null;
  onStillHere: () => void;
  onExtend: () => void;
  onEnd: () => void;
  onSwitch: () => void;
}

/** The last minute before a limit: the banner warns, and offers the way to keep going. */
const WARNING_MS = 60_000;

/** While acting as a customer, this stays on every screen: whose account this is, and the way out. */
export function SessionBanner({
  customer,
  idleDeadline,
  renewableUntil,
  idleLimit,
  ending,
  extending,
  extendError,
  onStillHere,
  onExtend,
  onEnd,
  onSwitch,
}: SessionBannerProps) {
  const now = useNow();
  const [confirmingSwitch, setConfirmingSwitch] = useState(false);
  const name = fullName(customer);
  const idleLeft = idleDeadline - now;
  const renewalLeft = renewableUntil - now;
  // The nearer limit decides the last-minute warning and what it offers.
  const idleFirst = idleLeft <= renewalLeft;
  const left = Math.min(idleLeft, renewalLeft);
  const warning = left <= WARNING_MS;

  return (
    <section
      className={warning ? 'banner banner--warning' : 'banner'}
      aria-label="Customer session"
    >
      <div className="banner__who">
        <span className="banner__tag">Acting as</span>
        <strong className="banner__name">{name}</strong>
        <span>{customer.email}</span>
        <span className="mono">{customer.customerReference}</span>
      </div>
      <div className="banner__actions">
        <span className="banner__time">
          <span title={`The session ends after ${idleLimit} without a key or pointer press.`}>
            Ends in <time>{formatTimeLeft(idleLeft)}</time> without activity
          </span>
          <span title="Past this the session cannot be kept alive: its refresh token runs out. Each renewal starts a new one.">
            Renewable for <time>{formatTimeLeft(renewalLeft)}</time>
          </span>
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
      {warning && (
        <p className="banner__warning" role="alert">
          {/* A fixed sentence: a ticking one would be read out again every second. */}
          {idleFirst
            ? `The session as ${name} ends in less than a minute without activity.`
            : `The session as ${name} can be renewed for less than a minute more.`}{' '}
          {idleFirst ? (
            <button type="button" className="button button--on-banner" onClick={onStillHere}>
              Keep working
            </button>
          ) : (
            <button
              type="button"
              className="button button--on-banner"
              onClick={onExtend}
              disabled={extending}
            >
              {extending ? 'Extending…' : 'Extend'}
            </button>
          )}
          {!idleFirst && extendError && ` It could not be extended: ${extendError}`}
        </p>
      )}
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
