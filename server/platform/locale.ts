import type { Context } from 'hono';
import type { StoreLocales, Stores } from '../features/stores/stores';

/**
 * §7.2: the one locale of the current store a request is answered in, from its Accept-Language,
 * as Glue negotiates it: spryker/glue-application 1.65.0 `Rest/Language/LanguageNegotiation.php`
 * with willdurand/negotiation 3.1.0 `LanguageNegotiator`, `AbstractNegotiator`, `AcceptMatch`
 * (through spryker/locale 4.8.0 `AcceptLanguageNegotiator`).
 *
 * - The store's locales are keyed by their language (`en_US` → `en`); those keys are the
 *   server's priorities, in the store's order (a later locale of the same language takes the key).
 * - Each header range (`de-DE;q=0.8`) that names a priority's language, or is `*`, matches it;
 *   the region never prevents a match, since the keys have none. Per priority the most specific
 *   match counts (its language and no region, over a region, over `*`), with its `q`.
 * - The priority with the highest `q` wins; between equal `q`s the store's order decides, not the
 *   header's (`AcceptMatch::compare()` sorts by quality, then priority index).
 * - No header, an empty one, or no match: the store's default locale. A range of four or more
 *   parts is skipped, `q` reads as PHP reads a float (`q=x` is 0, which still matches).
 *
 * Where Spryker would fail (a header of just `0`, which the negotiator refuses as empty), the
 * stand-in answers the default locale: the contract says negotiation is never an error.
 */
export function negotiateLocale(header: string, store: StoreLocales): string {
  const byLanguage = new Map<string, string>();
  for (const locale of store.locales) {
    byLanguage.set(asciiLower(locale.split('_')[0] ?? ''), locale);
  }
  if (header === '') return store.defaultLocale;
  const ranges = parseRanges(header);
  let best: { quality: number; locale: string } | null = null;
  for (const [language, locale] of byLanguage) {
    // AcceptMatch::reduce(): per priority, the match with the highest score, the first on a tie.
    let chosen: { score: number; quality: number } | null = null;
    for (const range of ranges) {
      const baseEqual = range.language === language;
      if (!baseEqual && range.language !== '*') continue;
      const score = (baseEqual ? 10 : 0) + (range.region === '' ? 1 : 0);
      if (chosen === null || chosen.score < score) chosen = { score, quality: range.quality };
    }
    // Priorities come in the store's order: a later one wins only with a higher q.
    if (chosen !== null && (best === null || chosen.quality > best.quality)) {
      best = { quality: chosen.quality, locale };
    }
  }
  return best?.locale ?? store.defaultLocale;
}

interface LanguageRange {
  language: string;
  /** "" when the range names none. */
  region: string;
  quality: number;
}

// PHP's trim(): space, \t, \n, \r, NUL and vertical tab.
// eslint-disable-next-line no-control-regex -- NUL and VT are what PHP trims.
const PHP_TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** PHP's (float) of a string: its leading number, 0 when there is none. */
function phpFloat(text: string): number {
  const match = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text);
  return match === null ? 0 : Number(match[0].trim());
}

/**
 * The header's ranges as `AbstractNegotiator::parseHeader()` and `AcceptLanguage` read them:
 * comma-separated (a comma inside double quotes does not separate), each trimmed, empty ones and
 * "0" dropped (PHP's array_filter), then `type;param=value…` with `q` the quality.
 */
function parseRanges(header: string): LanguageRange[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < header.length; i++) {
    const char = header[i] ?? '';
    if (char === ',') {
      parts.push(current);
      current = '';
    } else if (char === '"') {
      const close = header.indexOf('"', i + 1);
      if (close < 0) {
        // An unclosed quote ends the part and is no part of any.
        parts.push(current);
        current = '';
      } else {
        current += header.slice(i, close + 1);
        i = close;
      }
    } else {
      current += char;
    }
  }
  parts.push(current);
  const ranges: LanguageRange[] = [];
  for (const part of parts.map((raw) => raw.replace(PHP_TRIM, ''))) {
    if (part === '' || part === '0') continue;
    const [type = '', ...parameters] = part.split(';');
    let quality = 1;
    for (const parameter of parameters) {
      const pair = parameter.split('=');
      if (pair.length !== 2) continue;
      const key = asciiLower((pair[0] ?? '').replace(PHP_TRIM, ''));
      if (key === 'q') quality = phpFloat((pair[1] ?? '').replace(/^[ "]+|[ "]+$/g, ''));
    }
    const pieces = asciiLower(type).replace(PHP_TRIM, '').split('-');
    // language, language-region, language-script-region; anything longer is refused (skipped).
    if (pieces.length > 3) continue;
    ranges.push({
      language: pieces[0] ?? '',
      region: pieces.length === 1 ? '' : (pieces.at(-1) ?? ''),
      quality,
    });
  }
  return ranges;
}

const negotiated = new WeakMap<Request, string>();

/** The request's locale (§7.2): negotiated once per request, among the current store's locales. */
export function requestLocale(c: Context, stores: Stores): string {
  const known = negotiated.get(c.req.raw);
  if (known !== undefined) return known;
  const store = stores.localesOf(stores.current(c.req.url, c.req.header('Store')));
  const locale = negotiateLocale(c.req.header('Accept-Language') ?? '', store);
  negotiated.set(c.req.raw, locale);
  return locale;
}
