/**
 * One shared ticking clock for call durations: it ticks once a second only while some view needs it,
 * so an idle tray window runs no timer at all.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

export const now = signal(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

function start(): void {
  users += 1;
  if (timer === undefined) {
    now.value = Date.now();
    timer = setInterval(() => (now.value = Date.now()), 1000);
  }
}

function stop(): void {
  users -= 1;
  if (users <= 0 && timer !== undefined) {
    clearInterval(timer);
    timer = undefined;
    users = 0;
  }
}

/** Subscribes the calling component to the clock while `active` is true. */
export function useClock(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    start();
    return stop;
  }, [active]);
}
