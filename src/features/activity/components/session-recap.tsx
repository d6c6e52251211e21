import { fullName } from '../../customers/components/customer-picker';
import { formatTime } from '../../../components/format';
import { useState } from 'react';
import { recapJson, recapText } from '../recap';
import { ActivityList } from './activity-panel';
import type { SessionRecord } from '../session-log';

/** What the agent did in their last session as a customer, ready to copy into the ticket. */
export function SessionRecap({ record }: { record: SessionRecord }) {
  const [copied, setCopied] = useState<string | null>(null);
  const name = fullName(record.customer);
  const failed = record.entries.filter((entry) => entry.status === 'failed').length;

  async function copy() {
    try {
      await navigator.clipboard.writeText(recapText(record));
      setCopied('The recap is on the clipboard.');
    } catch {
      setCopied('The browser did not allow copying here: save it as JSON instead.');
    }
  }

  function save() {
    const blob = new Blob([recapJson(record)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `assisted-session-${record.customer.customerReference}-${new Date(record.startedAt).toISOString().slice(0, 16).replace(':', '')}.json`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section className="panel recap" aria-labelledby="recap-title">
      <h2 id="recap-title">Recap: your session as {name}</h2>
      <dl className="facts">
        <dt>Customer</dt>
        <dd>
          {record.customer.email}, <span className="mono">{record.customer.customerReference}</span>
        </dd>
        <dt>Reason</dt>
        <dd>{record.reason ?? 'None given'}</dd>
        <dt>Time</dt>
        <dd>
          {formatTime(record.startedAt)} to {record.endedAt ? formatTime(record.endedAt) : 'now'}
        </dd>
        {record.endedBecause && (
          <>
            <dt>How it ended</dt>
            <dd>{record.endedBecause}</dd>
          </>
        )}
        <dt>Changes</dt>
        <dd>
          {record.entries.length === 0
            ? 'None'
            : `${record.entries.length}${failed > 0 ? `, of which ${failed} failed` : ''}`}
        </dd>
      </dl>
      {record.entries.length > 0 && <ActivityList entries={record.entries} />}
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy as text
        </button>
        <button type="button" className="button" onClick={save}>
          Save as JSON
        </button>
      </div>
      <p className="small muted" role="status">
        {copied ?? ''}
      </p>
    </section>
  );
}
