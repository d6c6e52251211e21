import { useEffect, useState } from 'react';
import { message, type Message } from '../../i18n/translate';

/** Timers longer than this are re-armed: setTimeout overflows past 2^31 - 1 ms. */
const MAX_TIMER_MS = 60 * 60_000;

export type RunOut = 'idle' | 'renewal';

/** The idle limit in words: "15 minutes", "1.5 minutes", "30 seconds". */
export function idleLimit(minutes: number): Message {
  if (minutes < 1) {
    return message('impersonation.idleLimit.seconds', { count: Math.round(minutes * 60) });
  }
  return message('impersonation.idleLimit.minutes', { count: Math.round(minutes * 10) / 10 });
}

/** Why the session ended when a limit ran out: for the agent's notice and the session's record. */
export function runOutReason(why: RunOut, idleMinutes: number): Message {
  return why === 'idle'
    ? message('impersonation.ended.idle', { limit: idleLimit(idleMinutes) })
    : message('impersonation.ended.renewal');
}

interface SessionClocks {
  /** When the session ends unless the agent does something. */
  idleDeadline: number;
  /** Counts as activity, e.g. "Keep working". */
  stillHere: () => void;
}

/**
 * The two limits of a customer session: the idle limit (no key or pointer press for `idleMs`)
 * and the refresh token's end. `onRunOut` is called once the first of them passes.
 */
export function useSessionClocks(
  active: boolean,
  /** When the session started: it starts with a fresh idle clock. */
  startedAt: number,
  renewableUntil: number,
  idleMs: number,
  onRunOut: (why: RunOut) => void,
): SessionClocks {
  const [lastActivity, setLastActivity] = useState(Date.now);
  const [wakeUps, setWakeUps] = useState(0);

  // Any key or pointer press anywhere is the agent at work.
  useEffect(() => {
    if (!active) return;
    const mark = () => setLastActivity((last) => (Date.now() - last >= 1000 ? Date.now() : last));
    window.addEventListener('keydown', mark, true);
    window.addEventListener('pointerdown', mark, true);
    return () => {
      window.removeEventListener('keydown', mark, true);
      window.removeEventListener('pointerdown', mark, true);
    };
  }, [active]);

  const idleDeadline = Math.max(lastActivity, startedAt) + idleMs;
  useEffect(() => {
    if (!active) return;
    const deadline = Math.min(idleDeadline, renewableUntil);
    const delay = deadline - Date.now();
    const timer = setTimeout(
      () => {
        if (Date.now() < deadline) setWakeUps((n) => n + 1);
        else onRunOut(idleDeadline <= renewableUntil ? 'idle' : 'renewal');
      },
      Math.min(Math.max(delay, 0), MAX_TIMER_MS),
    );
    return () => clearTimeout(timer);
  }, [active, idleDeadline, renewableUntil, onRunOut, wakeUps]);

  return { idleDeadline, stillHere: () => setLastActivity(Date.now()) };
}
