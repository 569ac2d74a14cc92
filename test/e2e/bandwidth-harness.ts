/**
 * The Bandwidth end-to-end files' harness: one Chromium per file, and per test a fresh browser preview
 * running the Bandwidth demo (SWITCHBOARD_PROVIDER=demo:bandwidth) on its Catapult simulator, at
 * Bandwidth's own polling pace (its rate limit allows no faster). Pages are the windows' pages in tabs.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { bandwidthSimulatorOf } from '../../src/main/runtime/provider-registry';
import { PANEL_SIZE, popupSize } from '../../src/main/shell/window-placement';
import type { BandwidthSimulator, CallWire } from '../../src/main/simulator/bandwidth/index';
import { type Preview, startPreview } from '../../src/preview/preview-server';
import { builtRenderer, launchChromium } from './preview-harness';

export interface BandwidthSession {
  preview: Preview;
  simulator: BandwidthSimulator;
  context: BrowserContext;
  open(name: 'panel' | 'popup' | 'conference'): Promise<Page>;
}

export function simCall(simulator: BandwidthSimulator, id: string): CallWire | undefined {
  return simulator.calls().find((c) => c.id === id);
}

/** Waits until the simulator's state (not the UI) satisfies the read; a command may queue behind a poll (1 request a second). */
export function inSimulator<T>(read: () => T) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

export function bandwidthPerTest(): { readonly session: BandwidthSession } {
  let browser: Browser | undefined;
  let session: (BandwidthSession & { close(): Promise<void> }) | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    const preview = await startPreview({ env: { SWITCHBOARD_PROVIDER: 'demo:bandwidth' }, rendererDir: builtRenderer() });
    const simulator = bandwidthSimulatorOf(preview.backend.simulator);
    const context = await browser.newContext({ viewport: PANEL_SIZE });
    session = {
      preview,
      simulator,
      context,
      async open(name) {
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        if (name === 'popup') await page.setViewportSize(popupSize(1, { x: 0, y: 0, width: 1920, height: 1080 }));
        await page.goto(new URL(`${name}.html`, preview.url).href);
        await page.waitForFunction(
          () => Boolean((window as { switchboard?: unknown }).switchboard) && document.getElementById('app')?.childElementCount,
        );
        return page;
      },
      async close() {
        await context.close();
        await preview.close();
      },
    };
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  return {
    get session() {
      if (!session) throw new Error('no preview session outside a test');
      return session;
    },
  };
}
