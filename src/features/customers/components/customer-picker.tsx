import { useCombobox } from 'downshift';
import { useRef, useState } from 'react';
import { GlueSaid } from '../../../components/error-notice';
import { useDebouncedValue } from '../../../components/use-debounced-value';
import { message, useT, type Message } from '../../../i18n/translate';
import { GlueError, describeError } from '../../../lib/glue-errors';
import type { CustomerProfile } from '../../../lib/glue-session';
import { useCustomerSearch } from '../api/search-customers';

/** Wait after the last keystroke before searching: fast typists send one request, not ten. */
const SEARCH_DELAY_MS = 250;

type PickerOption = { kind: 'customer'; customer: CustomerProfile } | { kind: 'more' };

export function fullName(customer: CustomerProfile): string {
  return `${customer.firstName} ${customer.lastName}`.trim() || customer.email;
}

interface CustomerPickerProps {
  onSelect: (customer: CustomerProfile) => void;
  /** Shown under the field while the choice is being acted on, translated, e.g. "Chosen: …". */
  busyMessage?: string | null;
  disabled?: boolean;
}

export function CustomerPicker({ onSelect, busyMessage, disabled }: CustomerPickerProps) {
  const t = useT();
  // A mirror of the field for searching; downshift owns the field itself, because feeding its
  // value back (a controlled inputValue) re-renders with the old text and drops fast keystrokes.
  const [inputValue, setInputValue] = useState('');
  const pickerRef = useRef<HTMLDivElement>(null);
  const typed = inputValue.trim();
  const query = useDebouncedValue(typed, SEARCH_DELAY_MS);
  const search = useCustomerSearch(query);
  // Results only ever belong to what is typed now; older answers are never shown.
  const isCurrent = query === typed && typed !== '';
  const customers = isCurrent ? (search.data?.pages.flatMap((page) => page.customers) ?? []) : [];
  const options: PickerOption[] = customers.map((customer) => ({ kind: 'customer', customer }));
  if (isCurrent && search.hasNextPage) options.push({ kind: 'more' });

  const combobox = useCombobox<PickerOption>({
    items: options,
    selectedItem: null,
    itemToString: (option) => (option?.kind === 'customer' ? fullName(option.customer) : ''),
    itemToKey: (option) =>
      option?.kind === 'customer' ? option.customer.customerReference : 'more',
    onInputValueChange: ({ inputValue: value }) => setInputValue(value),
    stateReducer: (state, { changes }) =>
      // "Show more" keeps the list open, the text as typed and the highlight where it was.
      changes.selectedItem?.kind === 'more'
        ? {
            ...changes,
            isOpen: true,
            inputValue: state.inputValue,
            highlightedIndex: state.highlightedIndex,
          }
        : changes,
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem?.kind === 'customer') onSelect(selectedItem.customer);
      if (selectedItem?.kind === 'more') void search.fetchNextPage();
    },
  });

  const status = describeStatus({
    typed,
    isCurrent,
    isLoading: search.isLoading,
    isLoadingMore: search.isFetchingNextPage,
    error: search.error,
    count: customers.length,
    hasMore: Boolean(search.hasNextPage),
  });
  const showList = combobox.isOpen && options.length > 0;

  return (
    <div className="picker" ref={pickerRef}>
      <label {...combobox.getLabelProps()} className="picker__label">
        {t('customers.picker.label')}
      </label>
      <p id="picker-hint" className="muted small picker__hint">
        {t('customers.picker.hint')}
      </p>
      <input
        {...combobox.getInputProps({ 'aria-describedby': 'picker-hint picker-status', disabled })}
        // The "/" shortcut focuses this field from anywhere.
        data-find-customer=""
        aria-keyshortcuts="/"
        className="picker__input"
        placeholder={t('customers.picker.placeholder')}
        autoComplete="off"
        spellCheck={false}
        autoFocus
      />
      <ul
        {...combobox.getMenuProps()}
        className={showList ? 'picker__list' : 'picker__list picker__list--empty'}
      >
        {showList &&
          options.map((option, index) => (
            <li
              key={option.kind === 'customer' ? option.customer.customerReference : 'more'}
              {...combobox.getItemProps({ item: option, index })}
              className={`picker__option${combobox.highlightedIndex === index ? ' picker__option--active' : ''}${option.kind === 'more' ? ' picker__option--more' : ''}`}
            >
              {option.kind === 'customer' ? (
                <>
                  <span className="picker__name">{fullName(option.customer)}</span>
                  <span className="picker__email">{option.customer.email}</span>
                  <span className="picker__ref mono">{option.customer.customerReference}</span>
                </>
              ) : (
                <span>{t('customers.picker.more')}</span>
              )}
            </li>
          ))}
      </ul>
      <p
        id="picker-status"
        className={status.isError ? 'picker__status field__error' : 'picker__status muted small'}
        role="status"
      >
        {busyMessage ?? (status.text && t(status.text))}
      </p>
      {status.isError && !busyMessage && search.error instanceof GlueError && (
        <GlueSaid error={search.error} />
      )}
      {status.isError && !busyMessage && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            // Back to the field with the list open, where the answer will show.
            pickerRef.current?.querySelector('input')?.focus();
            combobox.openMenu();
            void search.refetch();
          }}
        >
          {t('customers.picker.retry')}
        </button>
      )}
    </div>
  );
}

interface StatusInput {
  typed: string;
  isCurrent: boolean;
  isLoading: boolean;
  isLoadingMore: boolean;
  error: unknown;
  count: number;
  hasMore: boolean;
}

/** What the search is doing, for the status line under the field; null when nothing is typed. */
function describeStatus(s: StatusInput): { text: Message | null; isError: boolean } {
  if (!s.typed) return { text: null, isError: false };
  if (!s.isCurrent || s.isLoading) {
    return { text: message('customers.search.searching'), isError: false };
  }
  if (s.error) {
    return {
      text: message('customers.search.failed', { reason: describeError(s.error) }),
      isError: true,
    };
  }
  if (s.count === 0) {
    return { text: message('customers.search.none', { query: s.typed }), isError: false };
  }
  const count = { count: s.count };
  if (s.isLoadingMore)
    return { text: message('customers.search.loadingMore', count), isError: false };
  return {
    text: message(s.hasMore ? 'customers.search.more' : 'customers.search.found', count),
    isError: false,
  };
}
