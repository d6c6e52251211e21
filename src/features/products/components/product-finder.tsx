import { useCombobox } from 'downshift';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../../components/error-notice';
import { useDebouncedValue } from '../../../components/use-debounced-value';
import { useFormat } from '../../../i18n/format';
import { message, useT } from '../../../i18n/translate';
import { GlueError, describeError } from '../../../lib/glue-errors';
import type { ConcreteProduct, ProductSuggestion } from '../api/product-queries';
import { useConcreteProduct, useConcreteSkus, useProductSuggestions } from '../api/use-products';
import { ChangeControls } from '../../session-mode/change-controls';

type FinderOption = { kind: 'product'; product: ProductSuggestion } | { kind: 'sku'; sku: string };

/** Text that could be a concrete SKU ("005_30663301"): no spaces, at least one digit. */
const SKU_PATTERN = /^(?=.*\d)[\w.-]+$/;

interface ProductFinderProps {
  /** The currency prices are shown in (the cart's, or the store's for a wishlist). */
  currency: string;
  /** Where the product goes: a cart takes a quantity, a wishlist holds each product once. */
  purpose?: 'cart' | 'wishlist';
  adding: boolean;
  onAdd: (product: ConcreteProduct, quantity: number) => Promise<unknown>;
}

/** Find a product by name or SKU, or type a SKU; see its name and price; add it with a quantity. */
export function ProductFinder({ currency, purpose = 'cart', adding, onAdd }: ProductFinderProps) {
  const t = useT();
  const format = useFormat();
  // A mirror of the field for searching; downshift owns the field (see CustomerPicker).
  const [inputValue, setInputValue] = useState('');
  const [abstractSku, setAbstractSku] = useState<string | null>(null);
  const [sku, setSku] = useState<string | null>(null);
  const pickerRef = useRef<HTMLDivElement>(null);
  const typed = inputValue.trim();
  const query = useDebouncedValue(typed, 250);
  const suggestions = useProductSuggestions(query);
  const isCurrent = query === typed && typed !== '';

  const options: FinderOption[] = [];
  if (isCurrent && SKU_PATTERN.test(typed)) options.push({ kind: 'sku', sku: typed });
  if (isCurrent)
    for (const product of suggestions.data ?? []) options.push({ kind: 'product', product });

  const combobox = useCombobox<FinderOption>({
    items: options,
    selectedItem: null,
    itemToString: (option) =>
      option?.kind === 'product' ? option.product.name : (option?.sku ?? ''),
    itemToKey: (option) =>
      option?.kind === 'product' ? `p:${option.product.abstractSku}` : `s:${option?.sku}`,
    onInputValueChange: ({ inputValue: value }) => setInputValue(value),
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem?.kind === 'product') {
        setAbstractSku(selectedItem.product.abstractSku);
        setSku(null);
      }
      if (selectedItem?.kind === 'sku') {
        setAbstractSku(null);
        setSku(selectedItem.sku);
      }
    },
  });

  // An abstract product with a single variant needs no second choice.
  const concreteSkus = useConcreteSkus(abstractSku);
  const onlySku = concreteSkus.data?.length === 1 ? concreteSkus.data[0]! : null;
  const chosenSku = sku ?? onlySku;

  function reset() {
    combobox.setInputValue('');
    setAbstractSku(null);
    setSku(null);
    pickerRef.current?.querySelector('input')?.focus();
  }

  const status = (() => {
    if (!typed) return '';
    if (!isCurrent || suggestions.isLoading) return t('products.searching');
    if (suggestions.isError)
      return t('products.searchFailed', { error: describeError(suggestions.error) });
    const count = suggestions.data?.length ?? 0;
    if (count === 0 && options.length === 0) return t('products.noMatch', { text: typed });
    return t('products.found', { count, orSku: SKU_PATTERN.test(typed) ? 'yes' : 'no' });
  })();

  return (
    <section className="panel product-finder" aria-labelledby="add-product-title">
      <h2 id="add-product-title">{t('products.title')}</h2>
      <div className="picker" ref={pickerRef}>
        <label {...combobox.getLabelProps()} className="picker__label">
          {t('products.find.label')}
        </label>
        <p id="product-hint" className="muted small picker__hint">
          {t('products.find.hint')}
        </p>
        <input
          {...combobox.getInputProps({ 'aria-describedby': 'product-hint product-status' })}
          className="picker__input"
          placeholder={t('products.find.placeholder')}
          autoComplete="off"
          spellCheck={false}
        />
        <ul
          {...combobox.getMenuProps()}
          className={
            combobox.isOpen && options.length ? 'picker__list' : 'picker__list picker__list--empty'
          }
        >
          {combobox.isOpen &&
            options.map((option, index) => (
              <li
                key={
                  option.kind === 'product' ? `p:${option.product.abstractSku}` : `s:${option.sku}`
                }
                {...combobox.getItemProps({ item: option, index })}
                className={`picker__option${combobox.highlightedIndex === index ? ' picker__option--active' : ''}`}
              >
                {option.kind === 'product' ? (
                  <>
                    <span className="picker__name">{option.product.name}</span>
                    <span className="picker__email mono">{option.product.abstractSku}</span>
                    <span className="picker__ref">
                      {option.product.price === null
                        ? ''
                        : format.money(option.product.price, currency)}
                    </span>
                  </>
                ) : (
                  <span className="picker__name">
                    {t('products.lookUpSku', { sku: option.sku })}
                  </span>
                )}
              </li>
            ))}
        </ul>
        <p id="product-status" className="picker__status muted small" role="status">
          {status}
        </p>
      </div>

      {abstractSku && concreteSkus.isPending && (
        <p className="muted">{t('products.variants.loading')}</p>
      )}
      {abstractSku && concreteSkus.isError && (
        <ErrorNotice
          error={concreteSkus.error}
          text={message('products.loadFailed', { error: describeError(concreteSkus.error) })}
        />
      )}
      {abstractSku && concreteSkus.data && concreteSkus.data.length > 1 && !sku && (
        <fieldset className="variants">
          <legend>{t('products.variants.choose')}</legend>
          {concreteSkus.data.map((variant) => (
            <button key={variant} type="button" className="button" onClick={() => setSku(variant)}>
              {variant}
            </button>
          ))}
        </fieldset>
      )}
      {chosenSku && (
        <ProductPreview
          sku={chosenSku}
          purpose={purpose}
          adding={adding}
          onAdd={onAdd}
          onDone={reset}
        />
      )}
    </section>
  );
}

interface ProductPreviewProps {
  sku: string;
  purpose: NonNullable<ProductFinderProps['purpose']>;
  adding: boolean;
  onAdd: ProductFinderProps['onAdd'];
  onDone: () => void;
}

/** Name and price of the chosen SKU, before anything is added. */
function ProductPreview({ sku, purpose, adding, onAdd, onDone }: ProductPreviewProps) {
  const t = useT();
  const format = useFormat();
  const product = useConcreteProduct(sku);
  const [quantity, setQuantity] = useState('1');
  const quantityId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const parsedQuantity = Number(quantity);
  const quantityValid = Number.isInteger(parsedQuantity) && parsedQuantity > 0;

  // Once the product is known, the next keystroke is the quantity or Enter.
  useEffect(() => {
    if (product.data) addRef.current?.focus();
  }, [product.data]);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!product.data || !quantityValid) return;
    onAdd(product.data, parsedQuantity).then(onDone, () => undefined);
  }

  if (product.isPending) return <p className="muted">{t('products.lookingUp', { sku })}</p>;
  if (product.isError) {
    const notFound = product.error instanceof GlueError && product.error.status === 404;
    return (
      <ErrorNotice
        error={product.error}
        text={
          notFound
            ? message('products.skuUnknown', { sku })
            : message('products.loadFailed', { error: describeError(product.error) })
        }
      />
    );
  }
  const { name, price, isDiscontinued } = product.data;
  return (
    <form
      className="preview"
      onSubmit={handleSubmit}
      aria-label={t('products.preview.label', { name })}
    >
      <div>
        <strong>{name}</strong>
        <div className="muted small mono">{sku}</div>
        {isDiscontinued && <p className="field__error">{t('products.discontinued')}</p>}
      </div>
      <div className="preview__price">
        {price ? format.money(price.amount, price.currency) : t('products.noPrice')}
      </div>
      <ChangeControls>
        {purpose === 'cart' && (
          <>
            <label htmlFor={quantityId}>{t('products.quantity')}</label>
            <input
              id={quantityId}
              className="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={quantity}
              onChange={(event) => setQuantity(event.target.value)}
              aria-invalid={!quantityValid || undefined}
            />
          </>
        )}
        <button
          ref={addRef}
          type="submit"
          className="button button--primary"
          disabled={adding || !quantityValid}
        >
          {purpose === 'wishlist'
            ? adding
              ? t('products.addingToWishlist')
              : t('products.addToWishlist')
            : adding
              ? t('products.adding')
              : t('products.addToCart')}
        </button>
      </ChangeControls>
    </form>
  );
}
