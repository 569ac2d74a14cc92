/**
 * End to end, in Chromium through the browser preview against the demo's simulator: every in-call
 * control clicked in the panel changes the SIMULATOR's call (hold, mute, keypad tones, recording,
 * blind and attended transfer, park and retrieve), not just what the page shows.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { inSimulator, simCall, previewPerTest } from './preview-harness';

const e2e = previewPerTest();
let panel: Page;

beforeEach(async () => {
  panel = await e2e.session.open('panel');
});

/** A call from `name` that the user answered on their desk phone, as the panel shows it. */
async function connectedCall(name: string, number: string): Promise<{ callId: string; card: Locator }> {
  const { scenario } = e2e.session.simulator;
  const callId = scenario.ringUser({ from: { name, number, callType: 'external' } });
  scenario.answerOnDevice(callId);
  const card = panel.getByRole('article', { name });
  await card.getByRole('button', { name: 'Hang up' }).waitFor();
  return { callId, card };
}

const button = (where: Locator | Page, name: string) => where.getByRole('button', { name, exact: true });

describe('call controls in the panel change the simulator’s call', () => {
  it('Hold and Resume', async () => {
    const { callId, card } = await connectedCall('Alice Smith', '+15550100101');
    await button(card, 'Hold').click();
    await inSimulator(() => simCall(e2e.session.simulator, callId)?.state).toBe('held');
    await button(card, 'Resume').click();
    await inSimulator(() => simCall(e2e.session.simulator, callId)?.state).toBe('connected');
    await button(card, 'Hold').waitFor();
  });

  it('Mute and Unmute', async () => {
    const { callId, card } = await connectedCall('Alice Smith', '+15550100101');
    await button(card, 'Mute').click();
    await inSimulator(() => simCall(e2e.session.simulator, callId)?.muted).toBe(true);
    await card.getByText('Muted', { exact: true }).waitFor();
    await button(card, 'Unmute').click();
    await inSimulator(() => simCall(e2e.session.simulator, callId)?.muted).toBe(false);
  });

  it('Keypad sends DTMF tones: a key at once, a typed sequence on Send tones', async () => {
    const { callId, card } = await connectedCall('Support line', '+15550100120');
    await button(card, 'Keypad').click();
    await button(card, '5').click();
    await inSimulator(() => e2e.session.simulator.dtmfLog()).toEqual([{ callId, dtmf: '5' }]);
    await card.getByLabel('Tones to send').fill('12#');
    await button(card, 'Send tones').click();
    await inSimulator(() => e2e.session.simulator.dtmfLog()).toEqual([
      { callId, dtmf: '5' },
      { callId, dtmf: '12#' },
    ]);
  });

  it('Record, Pause recording, Resume recording, Stop recording', async () => {
    const { callId, card } = await connectedCall('Alice Smith', '+15550100101');
    const recording = () => simCall(e2e.session.simulator, callId)?.recordingState;
    await button(card, 'Record').click();
    await inSimulator(recording).toBe('started');
    await button(card, 'Pause recording').click();
    await inSimulator(recording).toBe('paused');
    await button(card, 'Resume recording').click();
    await inSimulator(recording).toBe('started');
    await button(card, 'Stop recording').click();
    await inSimulator(recording).toBe('stopped');
    await button(card, 'Record').waitFor();
  });

  it('blind transfer to a typed number: the call leaves the user in the simulator', async () => {
    const { callId, card } = await connectedCall('Alice Smith', '+15550100101');
    await button(card, 'Transfer').click();
    await card.getByLabel('To a number now').check();
    await card.getByLabel('Transfer to').fill('+1 (555) 010-2099');
    await button(card, 'Complete transfer').click();
    await inSimulator(() => simCall(e2e.session.simulator, callId)).toBeUndefined();
    await card.waitFor({ state: 'detached' });
  });

  it('attended transfer connects the held call with the other one and both leave the user', async () => {
    const first = await connectedCall('Alice Smith', '+15550100101');
    await button(first.card, 'Hold').click();
    await inSimulator(() => simCall(e2e.session.simulator, first.callId)?.state).toBe('held');
    const second = await connectedCall('Carol White', '+15550100103');

    await button(first.card, 'Transfer').click();
    await first.card.getByLabel('To another of my calls').check();
    await first.card.getByLabel('Connect with').selectOption({ label: 'Carol White (Connected)' });
    await button(first.card, 'Complete transfer').click();
    await inSimulator(() => e2e.session.simulator.listCalls().length).toBe(0);
    await panel.getByText('No calls right now.').waitFor();
    expect(simCall(e2e.session.simulator, second.callId)).toBeUndefined();
  });

  it('Park, then Retrieve from the dialer brings the parked caller back', async () => {
    const { callId, card } = await connectedCall('Erin Green', '+15550100105');
    await button(card, 'Park').click();
    await inSimulator(() => e2e.session.simulator.scenario.parked().map((p) => p.remote.name)).toEqual(['Erin Green']);
    expect(simCall(e2e.session.simulator, callId)).toBeUndefined();
    await panel.getByText(/^Your parked call waits at/).waitFor();

    await button(panel, 'Retrieve').click();
    await inSimulator(() => e2e.session.simulator.scenario.parked()).toEqual([]);
    // Retrieve rings the user's own devices first; answering connects straight to the parked caller.
    const back = panel.getByRole('article', { name: 'Erin Green' });
    await button(back, 'Answer').click();
    await inSimulator(() => e2e.session.simulator.listCalls().map((c) => [c.remoteParty?.name, c.state])).toEqual([
      ['Erin Green', 'connected'],
    ]);
  });
});
