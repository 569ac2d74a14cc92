// The soak (issue 11, item 10): 10,000 call lifecycles through the core and the renderer state on
// hand-driven timers with a pushed feed, and 3,000 more with a polled one (a read per step makes it
// slower; the bench runs 50,000 of each). What the user would notice after a long day — the app
// growing in memory, or work piling up — must not happen: the heap after (GC'd) is within 5 % of the
// heap before, and no listener or timer is left behind. Figures: `npm run bench` (bench/soak.ts).
import { describe, expect, it } from 'vitest';
import { runSoak, type SoakFeed } from './soak-run';

/** Lifecycles per feed, and the warm-up before the heap is first measured. */
const RUNS: [SoakFeed, { lifecycles: number; warmUp: number }][] = [
  ['pushed', { lifecycles: 10_000, warmUp: 2_000 }],
  ['polled', { lifecycles: 3_000, warmUp: 1_000 }],
];

describe('soak', () => {
  for (const [feed, run] of RUNS) {
    it(`${run.lifecycles.toLocaleString('en')} call lifecycles on a ${feed} feed leave the heap, listeners and timers flat`, async () => {
      const figures = await runSoak({ ...run, feed });
      expect(figures.lifecycles).toBe(run.lifecycles);
      expect(figures.conferences).toBeGreaterThan(0);
      // Every command the soak sent succeeded and was confirmed, and nothing is left on screen: the run did what it says.
      expect(figures.failedCommands).toBe(0);
      expect(figures.unconfirmedCommands).toBe(0);
      expect(figures.callsShownAfter).toBe(0);
      expect(figures.conferencesShownAfter).toBe(0);
      expect(figures.listenersAfter).toBe(figures.listenersBefore);
      expect(figures.timersAfter).toBe(figures.timersBefore);
      const growth = (figures.heapAfterBytes - figures.heapBeforeBytes) / figures.heapBeforeBytes;
      expect(growth, `heap ${figures.heapBeforeBytes} → ${figures.heapAfterBytes} bytes`).toBeLessThanOrEqual(0.05);
    });
  }
});
