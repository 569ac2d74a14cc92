/**
 * End to end with RingCentral, in Chromium through the browser preview running the RingCentral demo
 * (SWITCHBOARD_PROVIDER=demo:ringcentral: the real RingCentral provider, live over the simulator's
 * WebSocket): a call rings → the popup shows the caller → Answer reaches RingCentral with the chosen
 * device → Hold, Resume, Mute, Transfer and Hang up change the simulator's call; a call that rings while
 * the socket is down still pops.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ringCentralSimulatorOf } from '../../src/main/runtime/provider-registry';
import type { RingCentralSimulator, SimParty } from '../../src/main/simulator/ringcentral/index';
import { PANEL_SIZE, popupSize } from '../../src/main/shell/window-placement';
import { type Preview, startPreview } from '../../src/preview/preview-server';
import { builtRenderer, inSimulator, launchChromium } from './preview-harness';

let browser: Browser;
let preview: Preview;
let sim: RingCentralSimulator;
let pages: Page[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  preview = await startPreview({ env: { SWITCHBOARD_PROVIDER: 'demo:ringcentral' }, rendererDir: builtRenderer() });
  const found = ringCentralSimulatorOf(preview.backend.simulator);
  if (!found) throw new Error('The RingCentral demo runs without its simulator.');
  sim = found;
});
afterEach(async () => {
  for (const page of pages) await page.context().close();
  pages = [];
  await preview.close();
});

async function open(name: 'panel' | 'popup'): Promise<Page> {
  const context = await browser.newContext({ viewport: PANEL_SIZE });
  const page = await context.newPage();
  pages.push(page);
  if (name === 'popup') await page.setViewportSize(popupSize(1, { x: 0, y: 0, width: 1920, height: 1080 }));
  await page.goto(new URL(`${name}.html`, preview.url).href);
  await page.waitForFunction(
    () => Boolean((window as { switchboard?: unknown }).switchboard) && document.getElementById('app')?.childElementCount,
  );
  return page;
}

const button = (where: Locator | Page, name: string) => where.getByRole('button', { name, exact: true });

/** The user's party of a session in the simulator (the newest one). */
function mine(sid: string): SimParty | undefined {
  return [...(sim.session(sid)?.parties ?? [])].reverse().find((p) => p.extensionId === sim.me.extensionId);
}

describe('RingCentral in the browser preview', () => {
  it('a call rings, the popup shows the caller, Answer uses the desk phone; Hold, Resume, Mute, Transfer; another call is hung up', async () => {
    const panel = await open('panel');
    const popup = await open('popup');
    await panel.getByText(/live/i).first().waitFor();

    const sid = sim.scenario.ringUser({ from: { phoneNumber: '+15550100103', name: 'Carol White' } });
    await popup.getByRole('heading', { name: 'Carol White' }).waitFor();
    await button(popup, 'Answer').click();
    await inSimulator(() => mine(sid)?.status.code).toBe('Answered');
    // The demo's simulator records no requests (its memory stays flat): the party says which device answered.
    expect(mine(sid)?.to.deviceId).toBe('800002');

    const card = panel.getByRole('article', { name: 'Carol White' });
    await button(card, 'Hold').click();
    await inSimulator(() => mine(sid)?.status.code).toBe('Hold');
    await button(card, 'Resume').click();
    await inSimulator(() => mine(sid)?.status.code).toBe('Answered');
    await button(card, 'Mute').click();
    await inSimulator(() => mine(sid)?.muted).toBe(true);
    await button(card, 'Unmute').click();
    await inSimulator(() => mine(sid)?.muted).toBe(false);

    await button(card, 'Transfer').click();
    // Where the form offers a choice of transfer kinds, a blind transfer to a number.
    const now = card.getByLabel('To a number now');
    if (await now.count()) await now.check();
    await card.getByLabel('Transfer to').fill('+1 (555) 010-2099');
    await button(card, 'Complete transfer').click();
    await inSimulator(() => mine(sid)?.status.code).toBe('Gone');
    await card.waitFor({ state: 'detached' });

    const other = sim.scenario.ringUser({ from: { phoneNumber: '+15550100101', name: 'Alice Smith' } });
    sim.scenario.answerOnDevice(other);
    const second = panel.getByRole('article', { name: 'Alice Smith' });
    await button(second, 'Hang up').click();
    // Hang up drops the whole session: RingCentral forgets it.
    await inSimulator(() => sim.session(other)).toBeUndefined();
    await second.waitFor({ state: 'detached' });
  });

  it('a call that rings while the socket is down still pops', async () => {
    const popup = await open('popup');
    await inSimulator(() => sim.openSockets()).toBe(1);
    sim.faults.dropSockets();
    sim.scenario.ringUser({ from: { phoneNumber: '+15550100104', name: 'Dan Brown' } });
    await popup.getByRole('heading', { name: 'Dan Brown' }).waitFor({ timeout: 15_000 });
  });
});
