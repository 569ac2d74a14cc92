/**
 * axe-core in Chromium over the real pages (real layout, so colour contrast is checked too): the panel
 * with calls in several states and a form open, the popup with a forwarded call ringing, and settings,
 * each in light and dark.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { previewPerTest } from './preview-harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const e2e = previewPerTest();

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
}

/** axe's violations on the page in light and in dark, one line each ("dark: rule: help — where"). */
async function violations(page: Page): Promise<string[]> {
  // The pages' CSP (script-src 'self') refuses an injected <script>, as it should; DevTools evaluation is not a page script.
  await page.evaluate(AXE_SOURCE);
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await page.evaluate(() =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe.run(document, {
        // Every rule, WCAG and best practice (each window has an <h1>, visually hidden where the title says it).
      }),
    );
    found.push(
      ...result.violations.map((v) => `${colorScheme}: ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    );
  }
  return found;
}

function ringForwardedCall(): string {
  return e2e.session.simulator.scenario.ringUser({
    from: { name: 'Carol White', number: '+15550100103', callType: 'external' },
    redirections: [{ reason: 'busy', by: { name: 'Bob Jones', number: '2002', callType: 'location' } }],
  });
}

describe('accessibility (axe in Chromium)', () => {
  it('panel: a call on hold, a connected call with its transfer form open, a ringing call', async () => {
    const panel = await e2e.session.open('panel');
    const { scenario } = e2e.session.simulator;
    const held = scenario.ringUser({ from: { name: 'Alice Smith', number: '+15550100101', callType: 'external' } });
    scenario.answerOnDevice(held);
    await panel.getByRole('article', { name: 'Alice Smith' }).getByRole('button', { name: 'Hold', exact: true }).click();
    const connected = scenario.ringUser({ from: { name: 'Dan Brown', number: '+15550100104', callType: 'external' } });
    scenario.answerOnDevice(connected);
    ringForwardedCall();
    const card = panel.getByRole('article', { name: 'Dan Brown' });
    await card.getByRole('button', { name: 'Transfer', exact: true }).click();
    await panel.getByRole('article', { name: 'Carol White' }).waitFor();
    await panel.getByRole('article', { name: 'Alice Smith' }).getByText('On hold').waitFor();
    expect(await violations(panel)).toEqual([]);
  });

  it('popup: a forwarded call ringing', async () => {
    const popup = await e2e.session.open('popup');
    ringForwardedCall();
    await popup.getByRole('button', { name: 'Answer' }).waitFor();
    expect(await violations(popup)).toEqual([]);
  });

  it('settings', async () => {
    const panel = await e2e.session.open('panel');
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByRole('tabpanel').getByRole('checkbox').first().waitFor();
    expect(await violations(panel)).toEqual([]);
  });
});
