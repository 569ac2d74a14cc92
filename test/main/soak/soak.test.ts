// The soak (issue 11, item 10): 10,000 call lifecycles through the core and the renderer state on
// hand-driven timers. What the user would notice after a long day — the app growing in memory, or
// work piling up — must not happen: the heap after (GC'd) is within 5 % of the heap before, and no
// listener or timer is left behind. The figures are printed by `npm run bench` (bench/soak.ts).
import { describe, expect, it } from 'vitest';
import { runSoak } from './soak-run';

const LIFECYCLES = 10_000;

describe('soak', () => {
  it(`${LIFECYCLES.toLocaleString('en')} call lifecycles leave the heap, listeners and timers flat`, async () => {
    const figures = await runSoak({ lifecycles: LIFECYCLES });
    expect(figures.lifecycles).toBe(LIFECYCLES);
    expect(figures.conferences).toBeGreaterThan(0);
    // Every command the soak sent succeeded, and nothing is left on screen: the run did what it says.
    expect(figures.failedCommands).toBe(0);
    expect(figures.callsShownAfter).toBe(0);
    expect(figures.conferencesShownAfter).toBe(0);
    expect(figures.listenersAfter).toBe(figures.listenersBefore);
    expect(figures.timersAfter).toBe(figures.timersBefore);
    const growth = (figures.heapAfterBytes - figures.heapBeforeBytes) / figures.heapBeforeBytes;
    expect(growth, `heap ${figures.heapBeforeBytes} → ${figures.heapAfterBytes} bytes`).toBeLessThanOrEqual(0.05);
  });
});
