import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { useFormat } from '../../../i18n/format';
import { message, useT, type Message } from '../../../i18n/translate';
import { GlueError, GlueUnreachableError, describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { paymentName } from '../../activity/recap';
import {
  addressLine,
  fieldErrorsOf,
  type Address,
  type AddressFields,
} from '../../addresses/api/address-schemas';
import { useChangeAddress } from '../../addresses/api/change-address';
import { cartQueries } from '../../carts/api/cart-queries';
import { giftCardPayments } from '../../carts/api/cart-schemas';
import { checkoutQueries } from '../api/checkout-data';
import { usePlaceOrder } from '../api/place-order';
import { AddressChoice, fieldsOf, type ChosenAddress } from './address-choice';

interface CheckoutScreenProps {
  customerReference: string;
  cartId: string;
  customer: Pick<AddressFields, 'firstName' | 'lastName'>;
  /** Where the cart is, until it became the order. */
  cartPath: string;
  orderPath: (reference: string) => string;
  cartsPath: string;
}

/**
 * The phone order, on one screen: where it goes, who pays, how it ships and how it is paid, then
 * the review with the shop's figures and one button that names the customer and the total.
 */
export function CheckoutScreen({
  customerReference,
  cartId,
  customer,
  cartPath,
  orderPath,
  cartsPath,
}: CheckoutScreenProps) {
  const t = useT();
  const format = useFormat();
  const ids = { shipment: useId(), payment: useId() };
  const session = useGlueSession();
  const queryClient = useQueryClient();
  const place = usePlaceOrder(customerReference);
  // From the moment the order is sent, Glue may delete the cart: nothing asks for it again then.
  const settledCart = !place.isPending && !place.isSuccess;
  const cart = useQuery({
    ...cartQueries.detail(session, customerReference, cartId, queryClient),
    enabled: settledCart,
  });
  const optionsQuery = checkoutQueries.options(session, customerReference, cartId);
  const options = useQuery({ ...optionsQuery, enabled: settledCart });
  const saveAddress = useChangeAddress(customerReference);
  const name = `${customer.firstName} ${customer.lastName}`.trim();
  const saved = options.data?.addresses ?? [];
  const defaultShipping = saved.find((a) => a.isDefaultShipping) ?? saved[0];
  const defaultBilling = saved.find((a) => a.isDefaultBilling);

  const [shipping, setShipping] = useState<ChosenAddress | null | undefined>(undefined);
  const [billing, setBilling] = useState<ChosenAddress | null | undefined>(undefined);
  const [shipmentId, setShipmentId] = useState<number | null>(null);
  const [paymentIndex, setPaymentIndex] = useState(0);
  // A saved address as the shop holds it now: a correction made here replaces the one chosen.
  const current = (chosen: ChosenAddress | null): ChosenAddress | null =>
    chosen?.kind === 'saved'
      ? { kind: 'saved', address: saved.find((a) => a.id === chosen.address.id) ?? chosen.address }
      : chosen;
  // Nothing chosen yet: the customer's defaults, as the shop's own checkout starts.
  const shippingChosen = current(
    shipping === undefined
      ? defaultShipping
        ? { kind: 'saved' as const, address: defaultShipping }
        : null
      : shipping,
  );
  const billingChosen = current(
    billing === undefined
      ? defaultBilling && defaultBilling.id !== defaultShipping?.id
        ? { kind: 'saved' as const, address: defaultBilling }
        : null
      : billing,
  );
  const correcting = {
    pending: saveAddress.isPending,
    refused: saveAddress.variables?.kind === 'edit' ? fieldErrorsOf(saveAddress.error) : {},
  };
  async function correct(address: Address, fields: AddressFields) {
    const corrected = await saveAddress.mutateAsync({ kind: 'edit', address, fields });
    if (!corrected) return;
    queryClient.setQueryData(
      optionsQuery.queryKey,
      (data) =>
        data && {
          ...data,
          addresses: data.addresses.map((a) => (a.id === corrected.id ? corrected : a)),
        },
    );
  }
  const shipment =
    options.data?.shipmentMethods.find((m) => m.id === shipmentId) ??
    options.data?.shipmentMethods[0];
  const payment = options.data?.paymentMethods[paymentIndex];
  const placing = useRef(false);
  const [asking, setAsking] = useState(false);
  // A method the console has no words for shows as the shop names it.
  const said = (name: Message | string) => (typeof name === 'string' ? name : t(name));

  if (place.isSuccess) {
    const { reference, charged } = place.data;
    const { grandTotal: shown, currency } = place.variables;
    return (
      <section className="panel" aria-labelledby="placed-title">
        <h1 id="placed-title">{t('checkout.placed.title', { reference })}</h1>
        <p role="status">
          {t('checkout.placed.text', {
            name,
            reference,
            total: format.money(charged ?? shown, currency),
          })}
        </p>
        {charged !== null && charged !== shown && (
          <p>
            {t('checkout.placed.otherTotal', {
              charged: format.money(charged, currency),
              shown: format.money(shown, currency),
            })}
          </p>
        )}
        <div className="actions">
          <Link className="button button--primary" to={orderPath(reference)}>
            {t('checkout.placed.open')}
          </Link>
          <Link className="button" to={cartsPath}>
            {t('checkout.placed.carts')}
          </Link>
        </div>
      </section>
    );
  }

  // Placing failed, or saving its new address did; a correction's refusal shows at its fields.
  const failure = place.error ?? (saveAddress.variables?.kind === 'add' ? saveAddress.error : null);
  const total = cart.data && shipment ? cart.data.totals.grandTotal + shipment.price : null;
  // Gift cards pay the order's grand total, shipment included (contract §10).
  const paidByCards =
    cart.data && total !== null
      ? giftCardPayments(cart.data.giftCards, total).reduce((sum, card) => sum + card.pays, 0)
      : 0;
  const ready = Boolean(
    cart.data?.items?.length && shippingChosen && shipment && payment && total !== null,
  );

  // The order is asked about first; one on its way is not asked about again.
  const ask = () => {
    if (ready && !placing.current) setAsking(true);
  };

  async function submit() {
    setAsking(false);
    // A second click or Enter while the first is on its way places nothing more.
    if (
      !ready ||
      placing.current ||
      !cart.data ||
      !shippingChosen ||
      !shipment ||
      !payment ||
      total === null
    )
      return;
    placing.current = true;
    try {
      const billingAddress = billingChosen ?? shippingChosen;
      for (const chosen of [shippingChosen, billingChosen]) {
        if (chosen?.kind === 'new' && chosen.save) {
          await saveAddress.mutateAsync({
            kind: 'add',
            fields: chosen.fields,
            isDefaultShipping: false,
            isDefaultBilling: false,
          });
          chosen.save = false; // Saved once: a retry after a failed order does not save it again.
        }
      }
      await place.mutateAsync({
        cartId,
        shippingAddress: fieldsOf(shippingChosen),
        billingAddress: fieldsOf(billingAddress),
        shipment,
        payment,
        grandTotal: total,
        currency: cart.data.currency,
      });
      // Placed: the guard stays shut, so an Enter queued behind this one sends nothing.
    } catch {
      // Shown below, from the mutation's error; the agent may try again.
      placing.current = false;
    }
  }

  return (
    <div className="checkout">
      <p>
        <Link to={cartPath}>{t('checkoutScreen.back')}</Link>
      </p>
      <h1>{t('checkout.title', { name })}</h1>
      {(cart.isPending || options.isPending) && <p className="muted">{t('checkout.loading')}</p>}
      {cart.isError && (
        <ErrorNotice
          error={cart.error}
          text={message('cartScreen.loadFailed', { error: describeError(cart.error) })}
        />
      )}
      {options.isError && (
        <ErrorNotice
          error={options.error}
          text={
            // 1101: the shop refuses this cart as it is (e.g. above its limit), and says why.
            options.error instanceof GlueError && options.error.code === '1101'
              ? message('checkout.cartRefused', { detail: options.error.detail })
              : message('checkout.optionsFailed', { error: describeError(options.error) })
          }
        />
      )}
      {cart.data && options.data && (
        <>
          <AddressChoice
            legend="checkout.shipping"
            saved={saved}
            chosen={shippingChosen}
            onChoose={setShipping}
            customerName={customer}
            refused={fieldErrorsOf(place.error, 'shippingAddress')}
            onCorrect={correct}
            correcting={correcting}
          />
          <AddressChoice
            legend="checkout.billing"
            saved={saved}
            chosen={billingChosen}
            onChoose={setBilling}
            customerName={customer}
            refused={fieldErrorsOf(place.error, 'billingAddress')}
            sameAsLabel="checkout.billing.same"
            onCorrect={correct}
            correcting={correcting}
          />
          <fieldset className="checkout__step">
            <legend id={ids.shipment}>{t('checkout.shipment')}</legend>
            {options.data.shipmentMethods.map((method) => (
              <label key={method.id} className="choice">
                <input
                  type="radio"
                  name={ids.shipment}
                  checked={shipment?.id === method.id}
                  onChange={() => setShipmentId(method.id)}
                />{' '}
                {t('checkout.shipment.method', {
                  name: method.name,
                  carrier: method.carrierName ?? 'none',
                  price: format.money(method.price, method.currency),
                  days: method.deliveryTime ?? 'none',
                })}
              </label>
            ))}
          </fieldset>
          <fieldset className="checkout__step">
            <legend id={ids.payment}>{t('checkout.payment')}</legend>
            {options.data.paymentMethods.map((method, index) => (
              <label key={`${method.providerName}-${method.methodName}`} className="choice">
                <input
                  type="radio"
                  name={ids.payment}
                  checked={paymentIndex === index}
                  onChange={() => setPaymentIndex(index)}
                />{' '}
                {said(paymentName(method.methodName, 'asChoice'))}
              </label>
            ))}
          </fieldset>
          <section className="checkout__step" aria-labelledby="review-title">
            <h2 id="review-title">{t('checkout.review')}</h2>
            <ul className="checkout__items" aria-label={t('checkout.review.items')}>
              {(cart.data.items ?? []).map((item) => (
                <li key={item.groupKey}>
                  {t('checkout.review.item', {
                    quantity: item.quantity,
                    name: item.name ?? item.sku,
                    total: format.money(item.sumPrice, cart.data.currency),
                  })}
                </li>
              ))}
            </ul>
            {!cart.data.items?.length && <p>{t('checkout.review.empty')}</p>}
            <dl className="totals" aria-label={t('checkout.review.totals')}>
              <dt>{t('carts.totals.subtotal')}</dt>
              <dd>{format.money(cart.data.totals.subtotal, cart.data.currency)}</dd>
              {cart.data.totals.discountTotal > 0 && (
                <>
                  <dt>{t('carts.totals.discounts')}</dt>
                  <dd>−{format.money(cart.data.totals.discountTotal, cart.data.currency)}</dd>
                </>
              )}
              {shipment && (
                <>
                  <dt>
                    {t('checkout.review.shipping', {
                      name: shipment.name,
                      carrier: shipment.carrierName ?? 'none',
                    })}
                  </dt>
                  <dd>{format.money(shipment.price, shipment.currency)}</dd>
                </>
              )}
              {total !== null && (
                <>
                  <dt>{t('carts.totals.grandTotal')}</dt>
                  <dd>{format.money(total, cart.data.currency)}</dd>
                </>
              )}
              {total !== null && paidByCards > 0 && (
                <>
                  <dt>{t('carts.totals.giftCards')}</dt>
                  <dd>−{format.money(paidByCards, cart.data.currency)}</dd>
                  <dt>{t('carts.totals.toPay')}</dt>
                  <dd>{format.money(total - paidByCards, cart.data.currency)}</dd>
                </>
              )}
            </dl>
            {failure && (
              <ErrorNotice
                error={failure}
                text={
                  place.error instanceof GlueUnreachableError
                    ? message('checkout.lost')
                    : message('checkout.failed', { error: describeError(failure) })
                }
              />
            )}
            <button
              type="button"
              className="button button--primary checkout__place"
              aria-disabled={!ready || place.isPending || undefined}
              onClick={ask}
            >
              {place.isPending
                ? t('checkout.placing')
                : total !== null
                  ? t('checkout.place', { name, total: format.money(total, cart.data.currency) })
                  : t('checkout.placeIncomplete')}
            </button>
          </section>
          {shippingChosen && shipment && payment && total !== null && (
            <ConfirmDialog
              open={asking}
              title={t('checkout.confirm.title', { name })}
              confirmLabel={t('checkout.confirm.place')}
              onConfirm={() => void submit()}
              onCancel={() => setAsking(false)}
            >
              <p>
                {t('checkout.confirm.body', {
                  total: format.money(total, cart.data.currency),
                  shipment: shipment.name,
                  carrier: shipment.carrierName ?? 'none',
                  payment: said(paymentName(payment.methodName)),
                  address: addressLine(fieldsOf(shippingChosen)),
                })}
              </p>
            </ConfirmDialog>
          )}
        </>
      )}
    </div>
  );
}
