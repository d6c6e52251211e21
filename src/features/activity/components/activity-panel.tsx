import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/translate';
import { describeChange } from '../recap';
import { useSessionLogState, type ActivityEntry } from '../session-log';

/** Every change made in this session as the customer, as it happens, and how it went. */
export function ActivityPanel() {
  const t = useT();
  const format = useFormat();
  const { current } = useSessionLogState();
  if (!current) return null;
  const since = format.time(current.startedAt);

  return (
    <aside className="panel activity" aria-labelledby="activity-title">
      <h2 id="activity-title">{t('activity.title')}</h2>
      <p className="small muted">
        {current.reason === null
          ? t('activity.summary.noReason', { time: since })
          : t('activity.summary', { reason: current.reason, time: since })}
      </p>
      {current.entries.length === 0 ? (
        <p className="muted">{t('activity.empty')}</p>
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
  const t = useT();
  const format = useFormat();
  const list = (
    <ol className="activity__list" aria-label={t('activity.list.label')}>
      {entries.map((entry) => (
        <li key={entry.id} className={`activity__entry activity__entry--${entry.status}`}>
          <time className="mono">{format.time(entry.at)}</time> {t(describeChange(entry))}
        </li>
      ))}
    </ol>
  );
  // The log role goes on a wrapper: on the list itself it would hide the list from assistive tech.
  return live ? <div role="log">{list}</div> : list;
}
