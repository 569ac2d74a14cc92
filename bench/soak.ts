/**
 * The soak's figures (test/main/soak/soak-run.ts): call lifecycles through the core and the renderer
 * state on hand-driven timers, with a pushed and with a polled feed — heap before and after (after GC),
 * listeners and timers before and after, and lifecycles per second. The test asserts shorter runs.
 */
import { runSoak, type SoakFeed } from '../test/main/soak/soak-run';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

export async function runSoakBenchmark(lifecycles = 50_000): Promise<void> {
  for (const feed of ['pushed', 'polled'] as SoakFeed[]) {
    console.log('');
    console.log(`Soak: call lifecycles through the core and the renderer state, ${feed} feed`);
    const f = await runSoak({ lifecycles, feed });
    const growth = ((f.heapAfterBytes - f.heapBeforeBytes) / f.heapBeforeBytes) * 100;
    console.log(`lifecycles:                 ${f.lifecycles} (${f.conferences} of them conferences)`);
    console.log(`commands failed:            ${f.failedCommands}, unconfirmed ${f.unconfirmedCommands}`);
    console.log(
      `heap (after GC):            ${mb(f.heapBeforeBytes)} MB → ${mb(f.heapAfterBytes)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(2)} %)`,
    );
    console.log(`listeners:                  ${f.listenersBefore} → ${f.listenersAfter}`);
    console.log(`live timers:                ${f.timersBefore} → ${f.timersAfter}`);
    console.log(`lifecycles per second:      ${((f.lifecycles / f.elapsedMs) * 1000).toFixed(0)}`);
  }
}
