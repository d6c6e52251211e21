/** "1:05:09" or "4:59": time left, for countdowns; "30 days" past two days. */
export function formatTimeLeft(milliseconds: number): string {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  if (total >= 2 * 86_400) return `${Math.floor(total / 86_400)} days`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(hours ? 2 : 1, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours ? `${hours}:${mmss}` : mmss;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** Glue's dates ("2024-05-01 10:20:30.000000" or ISO) in the agent's locale. */
export function formatDateTime(value: string): string {
  const date = new Date(value.includes('T') ? value : value.replace(' ', 'T') + 'Z');
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

/** A time of day in the agent's locale, to the second: when something happened today. */
export function formatTime(value: number | string): string {
  return timeFormat.format(new Date(value));
}
