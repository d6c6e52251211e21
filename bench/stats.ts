import { performance } from 'node:perf_hooks';

/** Requests, signatures or password checks in flight at once, throughout the bench. */
export const CONCURRENCY = 10;

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles of a set of samples (milliseconds, or anything else). */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  // An even count takes the mean of the two middle values, so 2 runs do not favour either.
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * How many times per second `task` completes when up to `concurrency` run at once for `seconds`,
 * after a short untimed warm-up so the JIT and any lazy key import are out of the way.
 */
export async function ratePerSecond(
  task: () => Promise<unknown>,
  seconds: number,
  concurrency: number,
): Promise<number> {
  const run = async (forMs: number): Promise<{ count: number; elapsed: number }> => {
    const start = performance.now();
    const end = start + forMs;
    let count = 0;
    const worker = async (): Promise<void> => {
      while (performance.now() < end) {
        await task();
        count++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { count, elapsed: performance.now() - start };
  };
  await run(300);
  const { count, elapsed } = await run(seconds * 1000);
  return count / (elapsed / 1000);
}
