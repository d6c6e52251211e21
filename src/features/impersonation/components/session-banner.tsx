import { fullName } from '../../customers/components/customer-picker';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useNow } from '../../../components/use-now';
import { useFormat } from '../../../i18n/format';
import { T, useT, type Message } from '../../../i18n/translate';
import type { CustomerProfile } from '../../../lib/glue-session';
import { ModeSwitch } from '../../session-mode/mode-switch';

interface SessionBannerProps {
  customer: CustomerProfile;
  /** When the session ends unless the agent does something. */
  idleDeadline: number;
  /** When the refresh token runs out: past it, the session cannot be kept alive. */
  renewableUntil: number;
  /** The idle limit, in words, e.g. "15 minutes": see `idleLimit` in use-session-clocks. */
  idleLimit: Message;
  ending: boolean;
  extending: boolean;
  /** Why the last "Extend" failed, if it did. */
  extendError: Message | null;
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
  const t = useT();
  const format = useFormat();
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
      aria-label={t('impersonation.banner.label')}
    >
      <div className="banner__who">
        <span className="banner__tag">{t('impersonation.banner.actingAs')}</span>
        <strong className="banner__name">{name}</strong>
        <span>{customer.email}</span>
        <span className="mono">{customer.customerReference}</span>
      </div>
      <ModeSwitch name={name} />
      <div className="banner__actions">
        <span className="banner__time">
          <span title={t('impersonation.banner.idleHint', { limit: idleLimit })}>
            <T
              id={'impersonation.banner.idleLeft'}
              values={{ time: format.timeLeft(idleLeft) }}
              components={{ 0: <time /> }}
            />
          </span>
          <span title={t('impersonation.banner.renewalHint')}>
            <T
              id={'impersonation.banner.renewalLeft'}
              values={{ time: format.timeLeft(renewalLeft) }}
              components={{ 0: <time /> }}
            />
          </span>
        </span>
        <button
          type="button"
          className="button button--on-banner"
          onClick={() => setConfirmingSwitch(true)}
          disabled={ending}
        >
          {t('impersonation.banner.switch')}
        </button>
        <button
          type="button"
          className="button button--on-banner-strong"
          onClick={onEnd}
          disabled={ending}
        >
          {ending ? t('impersonation.banner.ending') : t('impersonation.banner.end')}
        </button>
      </div>
      {warning && (
        <p className="banner__warning" role="alert">
          {/* A fixed sentence: a ticking one would be read out again every second. */}
          {idleFirst
            ? t('impersonation.banner.idleWarning', { name })
            : t('impersonation.banner.renewalWarning', { name })}{' '}
          {idleFirst ? (
            <button type="button" className="button button--on-banner" onClick={onStillHere}>
              {t('impersonation.banner.keepWorking')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--on-banner"
              onClick={onExtend}
              disabled={extending}
            >
              {extending ? t('impersonation.banner.extending') : t('impersonation.banner.extend')}
            </button>
          )}
          {!idleFirst && extendError && (
            <> {t('impersonation.banner.extendFailed', { reason: extendError })}</>
          )}
        </p>
      )}
      <ConfirmDialog
        open={confirmingSwitch}
        title={t('impersonation.switch.title')}
        confirmLabel={t('impersonation.switch.confirm')}
        cancelLabel={t('impersonation.cancel')}
        onCancel={() => setConfirmingSwitch(false)}
        onConfirm={() => {
          setConfirmingSwitch(false);
          onSwitch();
        }}
      >
        <p>{t('impersonation.switch.body', { name, reference: customer.customerReference })}</p>
      </ConfirmDialog>
    </section>
  );
}
