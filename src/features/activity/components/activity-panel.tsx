import { formatTime } from '../../../components/format';
import { describeEntry, describeOutcome, describeQuantities } from '../recap';
import { useSessionLogState, type ActivityEntry } from '../session-log';

/** Every change made in this session as the customer, as it happens, and how it went. */
export function ActivityPanel() {
  const { current } = useSessionLogState();
  if (!current) return null;

  return (
    <aside className="panel activity" aria-labelledby="activity-title">
      <h2 id="activity-title">Session activity</h2>
      <p className="small muted">
        Reason: {current.reason ?? 'none given'} · since {formatTime(current.startedAt)}
      </p>
      {current.entries.length === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <ActivityList entries={current.entries} live />
      )}
    </aside>
  );
}

/** The changes of a session, oldest first; `live` announces new ones to screen readers. */
export function ActivityList({
  entries,
  live = false,
}: {
  entries: ActivityEntry[];
  live?: boolean;
}) {
  const list = (
    <ol className="activity__list" aria-label="Changes in this session">
      {entries.map((entry) => {
        const quantities = describeQuantities(entry);
        return (
          <li key={entry.id} className={`activity__entry activity__entry--${entry.status}`}>
            <time className="mono">{formatTime(entry.at)}</time> {describeEntry(entry)}
            {quantities && `: ${quantities}`} — {describeOutcome(entry)}
          </li>
        );
      })}
    </ol>
  );
  // The log role goes on a wrapper: on the list itself it would hide the list from assistive tech.
  return live ? <div role="log">{list}</div> : list;
}
