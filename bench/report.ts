/** The one table `npm run bench` prints, and the formatting of its figures. */

export type Verdict = 'pass' | 'FAIL' | 'n/a' | '';

export interface Row {
  measurement: string;
  /** One line, or several (e.g. each request a step sent). */
  value: string | string[];
  goal: string;
  result: Verdict;
  /** A heading that starts a group of rows. */
  section?: true;
}

/** A section heading inside the table. */
export const section = (title: string): Row => ({
  measurement: title,
  value: '',
  goal: '',
  result: '',
  section: true,
});

export const verdict = (ok: boolean): Verdict => (ok ? 'pass' : 'FAIL');

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export const count = (n: number): string => Math.round(n).toLocaleString('en');

/** Milliseconds with about three significant figures. */
export const ms = (n: number): string =>
  `${n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)} ms`;

/** autocannon reports whole milliseconds: 0 means under one. */
export const wholeMs = (n: number): string => (n < 1 ? '< 1 ms' : `${n} ms`);

export const percent = (ratio: number): string => `${(ratio * 100).toFixed(ratio < 0.1 ? 2 : 1)} %`;

export function formatTable(rows: readonly Row[]): string {
  const header = ['measurement', 'value', 'goal', 'pass/fail'];
  const lines = (row: Row): string[][] => {
    if (row.section) return [];
    const values = typeof row.value === 'string' ? [row.value] : row.value;
    return values.map((value, i) =>
      i === 0 ? [row.measurement, value, row.goal, row.result] : ['', value, '', ''],
    );
  };
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.flatMap(lines).map((cell) => cell[i]!.length)),
  );
  const render = (cell: string[]) =>
    cell
      .map((text, i) => text.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const out = [render(header)];
  for (const row of rows) {
    if (row.section) out.push(rule, row.measurement);
    else out.push(...lines(row).map(render));
  }
  return out.join('\n');
}
