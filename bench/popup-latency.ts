/**
 * Ring → popup, end to end: the simulator starts a call ringing and the time until the caller's
 * name is on screen in popup.html, in Debian's Chromium through the browser preview (real provider,
 * real HTTP, real WebSocket bridge, real bundle). Two ways a call arrives: found by polling (every
 * 250 ms here) and the demo's "Simulate incoming call" (ring, then an immediate read). Each call is
 * ended and gone from the popup before the next one rings.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../src/preview/chromium';
import { type Preview, startPreview } from '../src/preview/preview-server';
import { webexSimulatorOf } from '../src/main/runtime/provider-registry';
import { summary } from './stats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the page's clock (ms since the epoch) at the first frame that shows `name`. */
function shownAt(page: Page, name: string): Promise<number> {
  return page
    .waitForFunction(
      (caller) => {
        const shown = [...document.querySelectorAll('.incoming-name')].some(
          (el) => el.textContent === caller && (el as HTMLElement).checkVisibility(),
        );
        return shown ? Date.now() : false;
      },
      name,
      { polling: 'raf', timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

function popupEmpty(page: Page): Promise<unknown> {
  return page.waitForFunction(() => document.querySelectorAll('.incoming-name').length === 0, undefined, {
    polling: 'raf',
    timeout: 30_000,
  });
}

async function measure(
  pollMs: string | undefined,
  rounds: number,
  ring: (preview: Preview, name: string) => Promise<string>,
): Promise<number[]> {
  const preview = await startPreview({ env: pollMs ? { SWITCHBOARD_POLL_MS: pollMs } : {} });
  const browser = await launchChromium();
  const simulator = webexSimulatorOf(preview.backend.simulator)!;
  try {
    const page = await (await browser.newContext({ viewport: { width: 340, height: 200 } })).newPage();
    await page.goto(new URL('popup.html', preview.url).href);
    await page.waitForFunction(() => Boolean((window as { switchboard?: unknown }).switchboard));
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      // A random phase against the poll timer, as real calls arrive.
      await sleep(Math.random() * 250);
      const name = `Caller ${i}`;
      const seen = shownAt(page, name);
      const t0 = Date.now();
      const callId = await ring(preview, name);
      samples.push((await seen) - t0);
      simulator.scenario.remoteHangsUp(callId);
      await preview.backend.core.reconcile();
      await popupEmpty(page);
    }
    return samples;
  } finally {
    await browser.close();
    await preview.close();
  }
}

export async function runPopupLatencyBenchmark(rounds = 50): Promise<void> {
  console.log('');
  console.log(`Ring → caller's name visible in popup.html (Chromium, browser preview, ${rounds} calls each):`);
  const polled = await measure('250', rounds, async (preview, name) =>
    webexSimulatorOf(preview.backend.simulator)!.scenario.ringUser({ from: { name, number: '+15550100101' } }),
  );
  console.log(`  simulator ring, found by polling every 250 ms:       ${summary(polled)}`);
  const simulated = await measure(undefined, rounds, async (preview, name) => {
    // What "Simulate incoming call" does: ring, then read at once instead of waiting for the poll.
    const callId = webexSimulatorOf(preview.backend.simulator)!.scenario.ringUser({ from: { name, number: '+15550100101' } });
    await preview.backend.core.reconcile();
    return callId;
  });
  console.log(`  "Simulate incoming call" (ring + immediate read):    ${summary(simulated)}`);
}
