import { useId, useRef, useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { useFormat } from '../../../i18n/format';
import { T, message, useT, type Message } from '../../../i18n/translate';
import { GlueError, describeError } from '../../../lib/glue-errors';
import type { Cart, CartGiftCard } from '../../carts/api/cart-schemas';
import { effectOf, type useChangeCode } from '../api/cart-codes';

interface CartCodesPanelProps {
  cart: Cart;
  change: ReturnType<typeof useChangeCode>;
  /** Another change of the cart is under way: its answer and this one must not cross. */
  locked: boolean;
  /** Whose cart, for the question asked before a gift card goes. */
  customerName: string;
}

/** What the last code change did, in a sentence: the cart Glue answered tells. */
function describeOutcome(
  change: CartCodesPanelProps['change'],
  cart: Cart,
  money: (amount: number) => string,
): Message | null {
  const { variables } = change;
  if (!variables) return null;
  const code = variables.code;
  if (change.isPending) {
    return message(variables.kind === 'apply' ? 'cartCodes.applying' : 'cartCodes.removing', {
      code,
    });
  }
  if (!change.isSuccess) return null;
  if (variables.kind === 'remove') return message('cartCodes.removed', { code });
  const effect = effectOf(cart, code);
  if (!effect) return message('cartCodes.appliedNothing', { code });
  return message(
    effect.kind === 'voucher' ? 'cartCodes.appliedVoucher' : 'cartCodes.appliedGiftCard',
    {
      code,
      amount: money(effect.amount ?? 0),
    },
  );
}

/**
 * The cart's voucher and gift-card codes: one field for either kind (the shop tells which it
 * is), what each takes off or pays, and a way to remove it.
 */
export function CartCodesPanel({ cart, change, locked, customerName }: CartCodesPanelProps) {
  const t = useT();
  const format = useFormat();
  const money = (amount: number) => format.money(amount, cart.currency);
  const [draft, setDraft] = useState('');
  const [blank, setBlank] = useState(false);
  const [already, setAlready] = useState<string | null>(null);
  // A gift card pays part of the order: removing it is asked first.
  const [removingCard, setRemovingCard] = useState<CartGiftCard | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const busy = locked || change.isPending;
  const vouchers = cart.discounts.filter((discount) => discount.code !== null);
  const rules = cart.discounts.filter((discount) => discount.code === null);
  const held = [...vouchers.map((voucher) => voucher.code), ...cart.giftCards.map((c) => c.code)];

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const code = draft.trim();
    setBlank(code === '');
    setAlready(null);
    if (code === '') return;
    // Glue would answer the cart unchanged: say so without the round trip.
    if (held.includes(code)) {
      setAlready(code);
      return;
    }
    // The field keeps the code until the shop takes it: a typo is fixed, not retyped.
    change.mutate({ kind: 'apply', code }, { onSuccess: () => setDraft('') });
  }

  function remove(code: string) {
    setAlready(null);
    // The row goes with the code: the focus waits in the field.
    inputRef.current?.focus();
    change.mutate({ kind: 'remove', code });
  }

  const failed = change.isError ? change.variables : undefined;
  const outcome = describeOutcome(change, cart, money);

  return (
    <section className="panel" aria-labelledby="cart-codes-title">
      <h2 id="cart-codes-title">{t('cartCodes.title')}</h2>
      {vouchers.length + rules.length + cart.giftCards.length === 0 ? (
        <p className="muted">{t('cartCodes.empty')}</p>
      ) : (
        <ul className="code-list" aria-label={t('cartCodes.listLabel')}>
          {vouchers.map((voucher) => (
            <li key={`voucher-${voucher.code}`}>
              <span className="mono">{voucher.code}</span>
              <span>{voucher.displayName}</span>
              <span className="code-list__amount">−{money(voucher.amount)}</span>
              <RemoveButton code={voucher.code ?? ''} busy={busy} onRemove={remove} />
            </li>
          ))}
          {rules.map((rule, index) => (
            <li key={`rule-${index}`}>
              <span className="muted">{t('cartCodes.rule')}</span>
              <span>{rule.displayName}</span>
              <span className="code-list__amount">−{money(rule.amount)}</span>
              <span />
            </li>
          ))}
          {cart.giftCards.map((card) => (
            <li key={`gift-card-${card.code}`}>
              <span className="mono">{card.code}</span>
              <span>{t('cartCodes.giftCard', { balance: money(card.balance) })}</span>
              <span className="code-list__amount">
                {t('cartCodes.pays', { amount: money(card.pays) })}
              </span>
              <RemoveButton code={card.code} busy={busy} onRemove={() => setRemovingCard(card)} />
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={handleSubmit} noValidate>
        <label htmlFor={inputId}>{t('cartCodes.label')}</label>
        <input
          id={inputId}
          ref={inputRef}
          className="mono"
          value={draft}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={blank || undefined}
          aria-describedby={hintId}
          onChange={(event) => {
            setDraft(event.target.value);
            setBlank(false);
          }}
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('cartCodes.apply')}
        </button>
      </form>
      <p id={hintId} className={blank ? 'field__error' : 'field__hint'}>
        {blank ? t('cartCodes.blank') : t('cartCodes.hint')}
      </p>
      <p className="small muted" role="status">
        {already ? t('cartCodes.alreadyApplied', { code: already }) : outcome && t(outcome)}
      </p>
      {failed && (
        <ErrorNotice
          error={change.error}
          text={message(
            failed.kind === 'apply' ? 'cartCodes.applyFailed' : 'cartCodes.removeFailed',
            {
              code: failed.code,
              // Glue says 3302 whatever the reason; an empty cart is one the console can name.
              error:
                change.error instanceof GlueError &&
                change.error.code === '3302' &&
                (cart.items?.length ?? 0) === 0
                  ? message('cartCodes.refusedOnEmptyCart')
                  : describeError(change.error),
            },
          )}
        />
      )}
      <ConfirmDialog
        open={removingCard !== null}
        title={t('cartCodes.removeGiftCard.title', { code: removingCard?.code ?? '' })}
        confirmLabel={t('cartCodes.removeGiftCard.remove')}
        onConfirm={() => {
          setRemovingCard(null);
          if (removingCard) remove(removingCard.code);
        }}
        onCancel={() => setRemovingCard(null)}
      >
        <p>
          {t('cartCodes.removeGiftCard.body', {
            code: removingCard?.code ?? '',
            amount: money(removingCard?.pays ?? 0),
            customer: customerName,
          })}
        </p>
      </ConfirmDialog>
    </section>
  );
}

function RemoveButton({
  code,
  busy,
  onRemove,
}: {
  code: string;
  busy: boolean;
  onRemove: (code: string) => void;
}) {
  return (
    <button
      type="button"
      className="button button--small button--danger"
      disabled={busy}
      onClick={() => onRemove(code)}
    >
      <T
        id={'cartCodes.remove'}
        values={{ code }}
        components={{ 0: <span className="visually-hidden" /> }}
      />
    </button>
  );
}
