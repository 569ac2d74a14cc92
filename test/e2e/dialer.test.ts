/**
 * End to end, in Chromium through the browser preview: dialling from the panel's dialer. Against a
 * Webex simulator named by SWITCHBOARD_PROVIDER/…_BASE_URL/…_TOKEN (the preview honours the app's
 * overrides), which records every request, so the test sees the POST dial itself; and against the
 * demo, where the simulator's new click-to-dial call carries the normalised number.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWebexSimulator, type WebexSimulator } from '../../src/main/simulator/webex/index';
import { FAST_POLL, inSimulator, launchChromium, type PreviewSession, startSession } from './preview-harness';

let browser: Browser;
let session: PreviewSession | undefined;
let ownSimulator: WebexSimulator | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await session?.close();
  await ownSimulator?.close();
  session = undefined;
  ownSimulator = undefined;
});

describe('the dialer in the browser preview', () => {
  it('sends POST /telephony/calls/dial with the normalised number to the Webex server the environment names', async () => {
    ownSimulator = await startWebexSimulator({ farEndAnswerMs: null });
    session = await startSession(browser, {
      env: {
        SWITCHBOARD_PROVIDER: 'webex',
        SWITCHBOARD_WEBEX_BASE_URL: ownSimulator.baseUrl,
        SWITCHBOARD_WEBEX_TOKEN: ownSimulator.token,
        ...FAST_POLL,
      },
      simulator: ownSimulator,
    });
    const panel = await session.open('panel');
    // A real account, not the demo: nothing to simulate.
    await panel.getByRole('button', { name: 'Dial', exact: true }).waitFor();
    expect(await panel.getByRole('button', { name: 'Simulate incoming call' }).count()).toBe(0);

    await panel.getByLabel('Number to call').fill('+1 (555) 010-2030');
    await panel.getByText('Dials +15550102030').waitFor();
    await panel.getByRole('button', { name: 'Dial', exact: true }).click();

    const dials = () => ownSimulator!.requests.filter((r) => r.method === 'POST' && r.path === '/telephony/calls/dial');
    await inSimulator(() => dials().map((r) => r.body)).toEqual([{ destination: '+15550102030' }]);
    expect(dials()[0]?.headers.authorization).toBe(`Bearer ${ownSimulator.token}`);
    await panel.getByRole('article', { name: '+15550102030' }).waitFor();
  });

  it('places the call in the demo: the simulator’s new click-to-dial call is to the normalised number', async () => {
    session = await startSession(browser);
    const panel = await session.open('panel');
    await panel.getByLabel('Number to call').fill('+1 555 010 2031');
    await panel.getByLabel('Number to call').press('Enter');
    await inSimulator(() => session!.simulator.listCalls().map((c) => [c.personality, c.remoteParty?.number])).toEqual([
      ['clickToDial', '+15550102031'],
    ]);
    await panel.getByRole('article', { name: '+15550102031' }).waitFor();
  });
});
