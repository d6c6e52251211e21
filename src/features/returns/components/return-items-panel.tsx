import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { useNow } from '../../../components/use-now';
import { useFormat } from '../../../i18n/format';
import { currentLocale } from '../../../i18n/i18n';
import { message, useT, type Message } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import type { OrderDetail } from '../../orders/api/order-queries';
import { returnQueries, useCreateReturn } from '../api/returns';

type OrderItem = OrderDetail['attributes']['items'][number];

/** Spryker returns shipped or delivered items ordered at most this many days ago (§12). */
const RETURN_DAYS = 30;
const IN_RETURN = new Set(['waiting for return', 'returned', 'return canceled']);

/** Why an item cannot be returned, as far as the order tells; null when it can. */
export function whyNotReturnable(item: OrderItem, createdAt: string, now: number): Message | null {
  if (item.isReturnable) return null;
  if (!item.uuid) return message('returns.why.unknown');
  if (item.state && IN_RETURN.has(item.state)) return message('returns.why.inReturn');
  if (item.state !== 'shipped' && item.state !== 'delivered') {
    return message('returns.why.notShipped');
  }
  const days = Math.floor((now - Date.parse(createdAt.replace(' ', 'T'))) / 86_400_000);
  return days > RETURN_DAYS
    ? message('returns.why.tooOld', { days, limit: RETURN_DAYS })
    : message('returns.why.unknown');
}

/** "Return items": tick the returnable items, pick the shop's reason, create one return. */
export function ReturnItemsPanel({
  customerReference,
  customerName,
  order,
}: {
  customerReference: string;
  /** Whose order, for the question asked before the return is made. */
  customerName: string;
  order: OrderDetail;
}) {
  const t = useT();
  const format = useFormat();
  const ids = { items: useId(), reason: useId(), error: useId() };
  const session = useGlueSession();
  const [open, setOpen] = useState(false);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [asking, setAsking] = useState(false);
  const reasons = useQuery({ ...returnQueries.reasons(session, currentLocale()), enabled: open });
  const create = useCreateReturn(customerReference);
  const items = order.attributes.items;
  const now = useNow(60_000);
  const chosen = items.filter((item) => item.uuid && ticked.has(item.uuid));
  const returnable = items.filter((item) => item.isReturnable && item.uuid);

  if (!open) {
    return (
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            create.reset();
            setOpen(true);
          }}
        >
          {t('returns.open')}
        </button>
        {create.isSuccess && (
          <p role="status">
            {t('returns.created', {
              reference: create.data.id,
              count: create.variables.items.length,
              total: format.money(
                create.data.attributes.returnTotals.remunerationTotal,
                order.attributes.currencyIsoCode,
              ),
            })}
          </p>
        )}
      </div>
    );
  }

  const lineOf = (item: OrderItem) =>
    t('returns.line', { quantity: item.quantity, name: item.name, sku: item.sku });

  // What is sent is checked first; only a return that can go is asked about.
  function ask() {
    if (create.isPending || chosen.length === 0) return;
    if (!reason) {
      setMissing(true);
      document.getElementById(ids.reason)?.focus();
      return;
    }
    setAsking(true);
  }

  function submit() {
    setAsking(false);
    if (create.isPending || chosen.length === 0 || !reason) return;
    create.mutate(
      {
        orderReference: order.id,
        reason,
        items: chosen.map((item) => ({ uuid: item.uuid!, name: item.name, sku: item.sku })),
      },
      {
        onSuccess: () => {
          setTicked(new Set());
          setOpen(false);
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="return-title">
      <h2 id="return-title">{t('returns.title')}</h2>
      <form
        aria-labelledby="return-title"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          ask();
        }}
      >
        <fieldset className="checkout__step">
          <legend id={ids.items}>{t('returns.items')}</legend>
          {items.map((item, index) => {
            const why = whyNotReturnable(item, order.attributes.createdAt, now);
            const label = lineOf(item);
            return why ? (
              <p key={`${item.sku}-${index}`} className="choice muted">
                {label} — {t(why)}
              </p>
            ) : (
              <label key={item.uuid} className="choice">
                <input
                  type="checkbox"
                  checked={ticked.has(item.uuid!)}
                  onChange={(event) =>
                    setTicked((now) => {
                      const next = new Set(now);
                      if (event.target.checked) next.add(item.uuid!);
                      else next.delete(item.uuid!);
                      return next;
                    })
                  }
                />{' '}
                {label}
              </label>
            );
          })}
          {/* Spryker returns whole order items: a quantity of 2 goes back as 2. */}
          {returnable.some((item) => item.quantity > 1) && (
            <p className="muted small">{t('returns.wholeItems')}</p>
          )}
        </fieldset>
        {returnable.length > 0 && (
          <div className="field">
            <label htmlFor={ids.reason}>{t('returns.reason')}</label>
            <select
              id={ids.reason}
              value={reason}
              aria-invalid={missing && !reason ? true : undefined}
              aria-describedby={missing && !reason ? ids.error : undefined}
              onChange={(event) => setReason(event.target.value)}
            >
              <option value="">
                {reasons.isPending ? t('returns.reasonsLoading') : t('returns.chooseReason')}
              </option>
              {(reasons.data ?? []).map((text) => (
                <option key={text} value={text}>
                  {text}
                </option>
              ))}
            </select>
            {missing && !reason && (
              <p id={ids.error} className="field__error">
                {t('returns.reasonMissing')}
              </p>
            )}
          </div>
        )}
        {reasons.isError && (
          <ErrorNotice
            error={reasons.error}
            text={message('returns.reasonsFailed', { error: describeError(reasons.error) })}
          />
        )}
        {returnable.length === 0 && <p>{t('returns.noneReturnable')}</p>}
        {create.isError && (
          <ErrorNotice
            error={create.error}
            text={message('returns.failed', { error: describeError(create.error) })}
          />
        )}
        <div className="actions">
          {returnable.length > 0 && (
            <button
              type="submit"
              className="button button--primary"
              aria-disabled={chosen.length === 0 || create.isPending || undefined}
            >
              {create.isPending
                ? t('returns.working')
                : t('returns.submit', { count: chosen.length })}
            </button>
          )}
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('returns.cancel')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={asking}
        title={t('returns.confirm.title', { reference: order.id, customer: customerName })}
        confirmLabel={t('returns.confirm.create')}
        onConfirm={submit}
        onCancel={() => setAsking(false)}
      >
        <p>{t('returns.confirm.body', { count: chosen.length, reason })}</p>
        <ul aria-label={t('returns.confirm.items')}>
          {chosen.map((item) => (
            <li key={item.uuid}>{lineOf(item)}</li>
          ))}
        </ul>
        <p className="muted small">{t('returns.confirm.after')}</p>
      </ConfirmDialog>
    </section>
  );
}
