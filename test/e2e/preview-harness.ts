/**
 * What every end-to-end test file needs: the built renderer (checked to be there and newer than its
 * sources), Debian's Chromium, and per test a fresh browser preview with its own simulator and a
 * fresh browser context, so no test sees another's calls. Pages are the windows' pages in tabs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { PANEL_SIZE, popupSize } from '../../src/main/shell/window-placement';
import { webexSimulatorOf } from '../../src/main/runtime/provider-registry';
import type { WebexSimulator } from '../../src/main/simulator/webex/index';
import type { WireCall } from '../../src/main/simulator/webex/wire';
import { launchChromium } from '../../src/preview/chromium';
import { DEFAULT_RENDERER_DIR, type Preview, startPreview } from '../../src/preview/preview-server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** out/renderer, or a clear failure when it is missing or older than the renderer's sources. */
export function builtRenderer(): string {
  const page = join(DEFAULT_RENDERER_DIR, 'panel.html');
  if (!existsSync(page)) throw new Error('The renderer is not built: run "npm run build" first (npm test does it).');
  const sources = Math.max(newestSource(join(ROOT, 'src/renderer')), newestSource(join(ROOT, 'src/shared')));
  if (statSync(page).mtimeMs < sources) throw new Error('out/renderer is older than src/renderer: run "npm run build" again.');
  return DEFAULT_RENDERER_DIR;
}

export { launchChromium };

export interface PreviewSession {
  preview: Preview;
  simulator: WebexSimulator;
  context: BrowserContext;
  /** Opens a window's page (panel.html, popup.html …) in a new tab at that window's size. */
  open(name: 'panel' | 'popup' | 'conference'): Promise<Page>;
  close(): Promise<void>;
}

/** Polling fast, so the pages follow the simulator within a fraction of a second. */
export const FAST_POLL = { SWITCHBOARD_POLL_MS: '100' };

export async function startSession(
  browser: Browser,
  options: { env?: Record<string, string>; simulator?: WebexSimulator } = {},
): Promise<PreviewSession> {
  const preview = await startPreview({ env: options.env ?? { ...FAST_POLL }, rendererDir: builtRenderer() });
  const simulator = options.simulator ?? webexSimulatorOf(preview.backend.simulator);
  if (!simulator) throw new Error('The preview runs without a simulator: pass the one it talks to.');
  const context = await browser.newContext({ viewport: PANEL_SIZE });
  return {
    preview,
    simulator,
    context,
    async open(name) {
      const page = await context.newPage();
      if (name === 'popup') await page.setViewportSize(popupSize(1, { x: 0, y: 0, width: 1920, height: 1080 }));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(new URL(`${name}.html`, preview.url).href);
      // The page has its bridge and has rendered its view.
      await page.waitForFunction(
        () => Boolean((window as { switchboard?: unknown }).switchboard) && document.getElementById('app')?.childElementCount,
      );
      if (errors.length > 0) throw new Error(`${name}.html failed: ${errors.join('; ')}`);
      return page;
    },
    async close() {
      await context.close();
      await preview.close();
    },
  };
}

/** The simulator's view of the user's calls. */
export function simCall(simulator: WebexSimulator, id: string): WireCall | undefined {
  return simulator.listCalls().find((c) => c.id === id);
}

/** Waits until the simulator's state (not the UI) satisfies the read. */
export function inSimulator<T>(read: () => T) {
  return expect.poll(read, { timeout: 5_000, interval: 25 });
}

/**
 * The usual shape of an end-to-end file: one Chromium for the file, a fresh preview (demo simulator)
 * for each test. Registers the hooks; read `.session` inside a test.
 */
export function previewPerTest(): { readonly session: PreviewSession; readonly browser: Browser } {
  let browser: Browser | undefined;
  let session: PreviewSession | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    session = await startSession(browser);
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
    get browser() {
      if (!browser) throw new Error('Chromium did not start');
      return browser;
    },
  };
}
