import { fullName } from '../../customers/components/customer-picker';
import { useT } from '../../../i18n/translate';
import type { CustomerProfile } from '../../../lib/glue-session';
import type { SessionRecord } from '../session-log';

interface RecentCustomersProps {
  sessions: SessionRecord[];
  onChoose: (customer: CustomerProfile) => void;
}

/** The customers acted as in this tab, newest first: one click from acting again. */
export function RecentCustomers({ sessions, onChoose }: RecentCustomersProps) {
  const t = useT();
  const seen = new Set<string>();
  const recent = sessions.filter((record) => {
    const first = !seen.has(record.customer.customerReference);
    seen.add(record.customer.customerReference);
    return first;
  });
  if (recent.length === 0) return null;

  return (
    <section className="panel" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('activity.recent.title')}</h2>
      <ul className="recent">
        {recent.map(({ customer }) => (
          <li key={customer.customerReference}>
            <button type="button" className="button" onClick={() => onChoose(customer)}>
              {t('activity.recent.actAgain', { name: fullName(customer) })}
            </button>{' '}
            <span className="muted small">
              {customer.email} · <span className="mono">{customer.customerReference}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
