/**
 * End to end, in Chromium through the browser preview: every built window page (panel, popup,
 * conference …) starts on its own in a tab, and the bridge each page gets is the preload's in shape
 * and behaviour, so the renderer cannot tell the two apart.
 */

import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/contract';
import { rendererPages } from '../../src/preview/renderer-site';
import { builtRenderer, previewPerTest } from './preview-harness';

const e2e = previewPerTest();

describe('the window pages in the browser preview', () => {
  const pages = rendererPages(builtRenderer()).map((file) => file.replace(/\.html$/, ''));

  it('finds the panel and the popup among the built pages', () => {
    expect(pages).toEqual(expect.arrayContaining(['panel', 'popup']));
  });

  it.each(pages)('%s.html starts on its own in a tab, with its bridge and without errors', async (name) => {
    const page = await e2e.session.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`);
    });
    await page.goto(new URL(`${name}.html`, e2e.session.preview.url).href);
    await page.waitForFunction(() => document.getElementById('app')?.childElementCount);
    // Every initial read answered: the preview's core has been asked and nothing failed.
    await page.evaluate(() => window.switchboard!.status());
    expect(await page.textContent('body')).not.toContain('cannot reach the app');
    expect(problems).toEqual([]);
  });

  it('gives each page the same bridge as the preload: every function, frozen, unsubscribe removes only its own listener', async () => {
    const panel = await e2e.session.open('panel');
    const shape = await panel.evaluate(() => {
      const bridge = window.switchboard as unknown as Record<string, unknown>;
      return {
        names: Object.keys(bridge).sort(),
        functions: Object.values(bridge).every((f) => typeof f === 'function'),
        frozen: Object.isFrozen(bridge),
      };
    });
    expect(shape).toEqual({ names: Object.keys(CHANNELS).sort(), functions: true, frozen: true });

    // Two listeners on one channel; the first unsubscribes (twice, harmlessly); only the second hears the next push.
    await panel.evaluate(() => {
      const bridge = window.switchboard!;
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      const off = bridge.onCallsChanged(() => heard.push('first'));
      bridge.onCallsChanged((calls) => heard.push(`second:${calls.length}`));
      off();
      off();
    });
    e2e.session.simulator.scenario.ringUser({ from: { name: 'Alice Smith', number: '+15550100101' } });
    await panel.waitForFunction(() => (window as unknown as { heard: string[] }).heard.length > 0);
    expect(await panel.evaluate(() => (window as unknown as { heard: string[] }).heard[0])).toBe('second:1');

    // Commands answer with Results, and a malformed one is refused exactly as Electron's IPC refuses it.
    const refused = await panel.evaluate(() => window.switchboard!.command({ type: 'hold' } as never));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('Invalid request for "call:command"') },
    });
  });
});
