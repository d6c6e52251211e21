import { fullName } from '../../customers/components/customer-picker';
import { useEffect, useState } from 'react';
import { useFormat } from '../../../i18n/format';
import { translatorFor, useT, type MessageId, type Translate } from '../../../i18n/translate';
import { recapJson, recapText } from '../recap';
import { ActivityList } from './activity-panel';
import type { SessionRecord } from '../session-log';

/** What the agent did in their last session as a customer, ready to copy into the ticket. */
export function SessionRecap({ record }: { record: SessionRecord }) {
  const t = useT();
  const format = useFormat();
  const [copied, setCopied] = useState<MessageId | null>(null);
  const name = fullName(record.customer);
  const failed = record.entries.filter((entry) => entry.status === 'failed').length;
  const from = format.time(record.startedAt);

  // What is copied or saved stays in English whatever the screen's language (docs/recap.md).
  // Loaded ahead, so a click writes to the clipboard at once: some browsers refuse it later.
  const [preloaded, setPreloaded] = useState<Translate | null>(null);
  useEffect(() => {
    let mounted = true;
    void translatorFor('en').then((english) => mounted && setPreloaded(() => english));
    return () => {
      mounted = false;
    };
  }, []);
  const english = () => preloaded ?? translatorFor('en');

  async function copy() {
    try {
      await navigator.clipboard.writeText(recapText(record, await english()));
      setCopied('recap.copied');
    } catch {
      setCopied('recap.copyRefused');
    }
  }

  async function save() {
    const blob = new Blob([recapJson(record, await english())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `assisted-session-${record.customer.customerReference}-${new Date(record.startedAt).toISOString().slice(0, 16).replace(':', '')}.json`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section className="panel recap" aria-labelledby="recap-title">
      <h2 id="recap-title">{t('recap.title', { name })}</h2>
      <dl className="facts">
        <dt>{t('recap.customer')}</dt>
        <dd>
          {record.customer.email}, <span className="mono">{record.customer.customerReference}</span>
        </dd>
        <dt>{t('recap.reason')}</dt>
        <dd>{record.reason ?? t('recap.reason.none')}</dd>
        <dt>{t('recap.time')}</dt>
        <dd>
          {record.endedAt
            ? t('recap.time.range', { from, to: format.time(record.endedAt) })
            : t('recap.time.ongoing', { from })}
        </dd>
        {record.endedBecause && (
          <>
            <dt>{t('recap.endedBecause')}</dt>
            <dd>{t(record.endedBecause)}</dd>
          </>
        )}
        <dt>{t('recap.changes')}</dt>
        <dd>
          {record.entries.length === 0
            ? t('recap.changes.none')
            : t('recap.changes.count', { count: record.entries.length, failed })}
        </dd>
      </dl>
      {record.entries.length > 0 && <ActivityList entries={record.entries} />}
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('recap.copy')}
        </button>
        <button type="button" className="button" onClick={() => void save()}>
          {t('recap.save')}
        </button>
      </div>
      <p className="small muted" role="status">
        {copied ? t(copied) : ''}
      </p>
    </section>
  );
}
