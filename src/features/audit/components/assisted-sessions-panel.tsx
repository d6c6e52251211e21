import { formatDateTime, formatTime } from '../../../components/format';
import { useQuery } from '@tanstack/react-query';
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

/** Who acted as this customer, when, why, and what they changed: the stand-in's audit trail. */
export function AssistedSessionsPanel({ customerReference }: { customerReference: string }) {
  const session = useGlueSession();
  const sessions = useQuery(assistedSessionsQuery(session, customerReference));
  // A Glue without the audit trail: nothing to show, and nothing to apologise for.
  if (sessions.data === null) return null;

  return (
    <section className="panel" aria-labelledby="assisted-title">
      <h2 id="assisted-title">Assisted sessions</h2>
      {sessions.isPending && <p className="muted">Loading the assisted sessions…</p>}
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
