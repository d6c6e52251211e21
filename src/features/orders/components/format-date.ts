const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** Glue's dates ("2024-05-01 10:20:30.000000" or ISO) in the agent's locale. */
export function formatDateTime(value: string): string {
  const date = new Date(value.includes('T') ? value : value.replace(' ', 'T') + 'Z');
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}
