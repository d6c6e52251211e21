import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../../../components/error-notice';
import { useFormat } from '../../../i18n/format';
import { message, useT } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { orderState } from '../../orders/components/order-detail';
import { useRuntimeConfig } from '../../../lib/runtime-config';
import { storeQueries } from '../../carts/api/get-stores';
import { returnQueries } from '../api/returns';

/** The customer's returns: each with its items, why they go back, and where they stand. */
export function ReturnsPanel({ customerReference }: { customerReference: string }) {
  const t = useT();
  const format = useFormat();
  const session = useGlueSession();
  // Asked only when wanted: most visits to the orders are not about a return (one request less).
  const [shown, setShown] = useState(false);
  const returns = useQuery({ ...returnQueries.list(session, customerReference), enabled: shown });
  // Glue's returns name no currency: the store's, asked once a session, and only when there are returns.
  const store = useQuery({
    ...storeQueries.current(session, useRuntimeConfig().store),
    enabled: Boolean(returns.data?.length),
  });
  const money = (amount: number) =>
    store.data ? format.money(amount, store.data.defaultCurrency) : '…';

  return (
    <section className="panel" aria-labelledby="returns-title">
      <h2 id="returns-title">{t('returns.list.title')}</h2>
      {!shown && (
        <button type="button" className="button" onClick={() => setShown(true)}>
          {t('returns.list.show')}
        </button>
      )}
      {shown && returns.isPending && <p className="muted">{t('returns.list.loading')}</p>}
      {returns.isError && (
        <ErrorNotice
          error={returns.error}
          text={message('returns.list.loadFailed', { error: describeError(returns.error) })}
        />
      )}
      {returns.data?.length === 0 && <p className="muted">{t('returns.list.none')}</p>}
      {returns.data && returns.data.length > 0 && (
        <ul className="list" aria-labelledby="returns-title">
          {returns.data.map((found) => (
            <li key={found.reference}>
              <h3 className="h3">
                {t('returns.list.return', {
                  reference: found.reference,
                  total: money(found.remunerationTotal),
                })}
              </h3>
              <ul aria-label={t('returns.list.itemsOf', { reference: found.reference })}>
                {found.items.map((item) => (
                  <li key={item.orderItemUuid}>
                    {t('returns.list.item', {
                      quantity: item.quantity ?? 1,
                      name: item.name ?? item.orderItemUuid,
                      sku: item.sku ?? '',
                      reason: item.reason ?? '—',
                    })}{' '}
                    <span className="badge">{orderState(item.state, t)}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
