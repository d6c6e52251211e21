import { formatDateTime, formatTime } from '../../../components/format';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { assistedSessionsQuery, type AssistedChange } from '../api/assisted-sessions';

/** "Added 005_30663301 to “Birthday”: quantity 0 → 3 — done", from an audit row. */
export function describeChange(change: AssistedChange): string {
  const cart = change.cartName ? `“${change.cartName}”` : 'a cart';
  const sku = change.sku ?? '';
  const what =
    change.resource === 'carts'
      ? `${change.method === 'DELETE' ? 'Deleted' : 'Created'} cart ${cart}`
      : change.method === 'POST'
        ? `Added ${sku} to ${cart}`
        : change.method === 'PATCH'
          ? `Changed the quantity of ${sku} in ${cart}`
          : `Removed ${sku} from ${cart}`;
  // No quantity before is an item not yet in the cart; none after, an item no longer there.
  const before = change.quantityBefore ?? 0;
  const quantities =
    change.resource === 'items'
      ? `: quantity ${before} → ${change.success ? (change.quantityAfter ?? 0) : before}`
      : '';
  const outcome = change.success
    ? 'done'
    : `failed (${change.status}${change.errorCode ? ` ${change.errorCode}` : ''})`;
  return `${what}${quantities} — ${outcome}`;
}

/**
 * Who acted as this customer, when, why, and what they changed: the stand-in's audit trail.
 * Asked for only when the agent wants it: the profile itself costs one request, and a Glue
 * without the trail (Spryker's) is not asked in vain on every visit.
 */
export function AssistedSessionsPanel({ customerReference }: { customerReference: string }) {
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
        Assisted sessions
      </h2>
      {!wanted && (
        <>
          <p className="muted">Who acted as this customer, when, why, and what they changed.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              // The button goes once pressed: the focus waits on the panel's heading.
              headingRef.current?.focus();
              setWanted(true);
            }}
          >
            Show assisted sessions
          </button>
        </>
      )}
      {sessions.data === null && (
        <p className="muted">This Glue keeps no record of assisted sessions.</p>
      )}
      {wanted && sessions.isPending && <p className="muted">Loading the assisted sessions…</p>}
      {sessions.isError && (
        <p className="notice notice--error" role="alert">
          The assisted sessions could not be loaded. {describeError(sessions.error)}
        </p>
      )}
      {sessions.data?.length === 0 && <p className="muted">No agent has acted as this customer.</p>}
      {sessions.data && sessions.data.length > 0 && (
        <ol className="assisted">
          {sessions.data.map(({ id, attributes: s }) => (
            <li key={id} className="assisted__session">
              <details>
                <summary>
                  {formatDateTime(s.startedAt)}
                  {s.endedAt ? ` to ${formatTime(s.endedAt)}` : ' (still running)'} ·{' '}
                  {s.agentUsername} · {s.reason ?? 'no reason given'} · {s.changes.length}{' '}
                  {s.changes.length === 1 ? 'change' : 'changes'}
                </summary>
                {s.changes.length === 0 ? (
                  <p className="muted small">No changes.</p>
                ) : (
                  <ol className="activity__list">
                    {s.changes.map((change, index) => (
                      <li
                        key={index}
                        className={change.success ? undefined : 'activity__entry--failed'}
                      >
                        <time className="mono">{formatTime(change.at)}</time>{' '}
                        {describeChange(change)}
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
