/**
 * The missed-call badge: missed calls newer than the last time the user looked at the Missed list.
 * Kept for the life of the window (the panel is hidden, not closed), not persisted.
 */
import { computed, signal } from '@preact/signals';
import { history } from '../state';

/** ISO time of the newest missed call the user has seen, or null before they first looked. */
export const missedSeenUpTo = signal<string | null>(null);

function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}

export const unseenMissedCount = computed(() => {
  const seen = missedSeenUpTo.value === null ? -Infinity : timeOf(missedSeenUpTo.value);
  return history.value.filter((e) => e.type === 'missed' && timeOf(e.time) > seen).length;
});

export function markMissedSeen(): void {
  const newest = history.value
    .filter((e) => e.type === 'missed')
    .reduce<string | null>((max, e) => (max === null || timeOf(e.time) > timeOf(max) ? e.time : max), null);
  if (newest !== null) missedSeenUpTo.value = newest;
}
