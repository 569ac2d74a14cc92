/**
 * The soak's figures (test/main/soak/soak-run.ts): call lifecycles through the core and the renderer
 * state on hand-driven timers — heap before and after (after GC), listeners and timers before and
 * after, and lifecycles per second. The test asserts the same run at 10,000; here it runs longer.
 */
import { runSoak } from '../test/main/soak/soak-run';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

export async function runSoakBenchmark(lifecycles = 50_000): Promise<void> {
  console.log('');
  console.log('Soak: call lifecycles through the core and the renderer state');
  const f = await runSoak({ lifecycles });
  const growth = ((f.heapAfterBytes - f.heapBeforeBytes) / f.heapBeforeBytes) * 100;
  console.log(`lifecycles:                 ${f.lifecycles} (${f.conferences} of them conferences), failed commands ${f.failedCommands}`);
  console.log(
    `heap (after GC):            ${mb(f.heapBeforeBytes)} MB → ${mb(f.heapAfterBytes)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(2)} %)`,
  );
  console.log(`listeners:                  ${f.listenersBefore} → ${f.listenersAfter}`);
  console.log(`live timers:                ${f.timersBefore} → ${f.timersAfter}`);
  console.log(`lifecycles per second:      ${((f.lifecycles / f.elapsedMs) * 1000).toFixed(0)}`);
}
