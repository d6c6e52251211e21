import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ErrorNotice } from '../../../components/error-notice';
import { useFormat } from '../../../i18n/format';
import { message, useT, type Message } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import {
  assistedSessionsQuery,
  type AssistedChange,
  type AssistedEvent,
  type AssistedSession,
} from '../api/assisted-sessions';

/** "Added 005_30663301 to “Birthday”: quantity 0 → 3 — done", from an audit row. */
export function describeChange(change: AssistedChange): Message {
  const outcome = change.success
    ? message('audit.outcome.done')
    : message('audit.outcome.failed', {
        status: change.status,
        code: change.errorCode ? change.errorCode : 'none',
      });
  const cart = { named: change.cartName ? 'yes' : 'no', cart: change.cartName ?? '', outcome };
  const wishlist = { method: change.method, name: change.wishlistName ?? '', outcome };
  if (change.resource === 'wishlists') return message('audit.change.wishlist', wishlist);
  if (change.resource === 'wishlist-items') {
    return message('audit.change.wishlistItem', { ...wishlist, sku: change.sku ?? '' });
  }
  if (change.resource === 'returns') {
    return message('audit.change.return', {
      reference: change.returnReference ?? 'none',
      order: change.orderReference ?? '',
      outcome,
    });
  }
  if (change.resource === 'customer-forgotten-password') {
    return message('audit.change.passwordReset', { outcome });
  }
  if (change.resource === 'checkout') {
    return message('audit.change.placedOrder', {
      reference: change.orderReference ?? 'none',
      outcome,
    });
  }
  if (change.resource === 'cart-codes' || change.resource === 'vouchers') {
    return message(
      change.method === 'DELETE' ? 'audit.change.removedCode' : 'audit.change.appliedCode',
      { ...cart, code: change.code ?? '' },
    );
  }
  if (change.resource === 'carts') {
    return message(
      change.method === 'DELETE' ? 'audit.change.deletedCart' : 'audit.change.createdCart',
      cart,
    );
  }
  // No quantity before is an item not yet in the cart; none after, an item no longer there.
  const before = change.quantityBefore ?? 0;
  const item = {
    ...cart,
    sku: change.sku ?? '',
    before,
    after: change.success ? (change.quantityAfter ?? 0) : before,
  };
  if (change.method === 'POST') return message('audit.change.added', item);
  if (change.method === 'PATCH') return message('audit.change.changedQuantity', item);
  return message('audit.change.removed', item);
}

/** "switched to change mode", "admin@spryker.com started acting as this customer too". */
function describeEvent(event: AssistedEvent): Message {
  if (event.event === 'joined-by') {
    return message('audit.event.joined', { agent: event.agentUsername ?? '' });
  }
  return message('audit.event.mode', { mode: event.mode === 'change' ? 'change' : 'view' });
}

/** The second a line happened in: the trail stamps changes to the second, events to the millisecond. */
const second = (at: string) => Math.floor(Date.parse(at) / 1000);

/** A session's changes and events, in the order they happened; within one second, events first (a switch comes before the changes it allows). */
function timeline(attributes: AssistedSession['attributes']) {
  return [
    ...(attributes.events ?? []).map((event) => ({
      at: event.at,
      text: describeEvent(event),
      failed: false,
    })),
    ...attributes.changes.map((change) => ({
      at: change.at,
      text: describeChange(change),
      failed: !change.success,
    })),
  ].sort((a, b) => second(a.at) - second(b.at));
}

/**
 * Who acted as this customer, when, why, and what they changed: the stand-in's audit trail.
 * Asked for only when the agent wants it: the profile itself costs one request, and a Glue
 * without the trail (Spryker's) is not asked in vain on every visit.
 */
export function AssistedSessionsPanel({ customerReference }: { customerReference: string }) {
  const t = useT();
  const format = useFormat();
  const session = useGlueSession();
  const query = assistedSessionsQuery(session, customerReference);
  const queryClient = useQueryClient();
  // Once shown for this customer, it stays shown (and up to date) when the agent comes back.
  const [wanted, setWanted] = useState(
    () => queryClient.getQueryData(query.queryKey) !== undefined,
  );
  const sessions = useQuery({ ...query, enabled: wanted });
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <section className="panel" aria-labelledby="assisted-title">
      <h2 id="assisted-title" ref={headingRef} tabIndex={-1}>
        {t('audit.title')}
      </h2>
      {!wanted && (
        <>
          <p className="muted">{t('audit.intro')}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              // The button goes once pressed: the focus waits on the panel's heading.
              headingRef.current?.focus();
              setWanted(true);
            }}
          >
            {t('audit.show')}
          </button>
        </>
      )}
      {sessions.data === null && <p className="muted">{t('audit.unsupported')}</p>}
      {wanted && sessions.isPending && <p className="muted">{t('audit.loading')}</p>}
      {sessions.isError && (
        <ErrorNotice
          error={sessions.error}
          text={message('audit.loadFailed', { error: describeError(sessions.error) })}
        />
      )}
      {sessions.data?.length === 0 && <p className="muted">{t('audit.none')}</p>}
      {sessions.data && sessions.data.length > 0 && (
        <ol className="assisted">
          {sessions.data.map(({ id, attributes: s }) => (
            <li key={id} className="assisted__session">
              <details>
                <summary>
                  {t('audit.session', {
                    start: format.dateTime(s.startedAt),
                    ended: s.endedAt ? 'yes' : 'no',
                    end: s.endedAt ? format.time(s.endedAt) : '',
                    agent: s.agentUsername,
                    reason: s.reason ?? message('audit.noReason'),
                    count: s.changes.length,
                  })}
                </summary>
                {(s.alongside?.length ?? 0) > 0 && (
                  <p className="small">
                    {t('audit.alongside', {
                      agents: (s.alongside ?? []).map((other) => other.agentUsername).join(', '),
                    })}
                  </p>
                )}
                {s.changes.length === 0 && (s.events?.length ?? 0) === 0 ? (
                  <p className="muted small">{t('audit.noChanges')}</p>
                ) : (
                  <ol className="activity__list">
                    {timeline(s).map((line, index) => (
                      <li
                        key={index}
                        className={line.failed ? 'activity__entry--failed' : undefined}
                      >
                        <time className="mono">{format.time(line.at)}</time> {t(line.text)}
                      </li>
                    ))}
                  </ol>
                )}
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
