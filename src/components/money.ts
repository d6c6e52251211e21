const formats = new Map<string, Intl.NumberFormat>();

/** An amount in minor units (cents), in the given currency, formatted for the agent's locale. */
export function formatMoney(minorUnits: number, currency: string): string {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    formats.set(currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
