import { afterEach, describe, expect, it } from 'vitest';
import type { RecordingMode, WebexSimulator } from '../../../../src/main/simulator/webex';
import { command, connectedIncomingCall, descriptionOf, getCall, startSim } from './sim-test-kit';

let sim: WebexSimulator;
afterEach(async () => {
  await sim.close();
});

async function recordingAnswers(
  mode: RecordingMode,
  steps: string[],
): Promise<{ initial: string | undefined; results: [string, number, string | undefined][] }> {
  sim = await startSim({ recordingMode: mode });
  const callId = await connectedIncomingCall(sim);
  const initial = (await getCall(sim, callId)).recordingState;
  const results: [string, number, string | undefined][] = [];
  for (const step of steps) {
    const result = await command(sim, step, { callId });
    results.push([step, result.status, (await getCall(sim, callId)).recordingState]);
  }
  return { initial, results };
}

describe('recording per recording mode', () => {
  it('always: recorded from connect, no controls', async () => {
    const { initial, results } = await recordingAnswers('always', ['startRecording', 'pauseRecording', 'stopRecording', 'resumeRecording']);
    expect(initial).toBe('started');
    expect(results).toEqual([
      ['startRecording', 400, 'started'],
      ['pauseRecording', 400, 'started'],
      ['stopRecording', 400, 'started'],
      ['resumeRecording', 400, 'started'],
    ]);
  });

  it('alwaysWithPause: recorded from connect, pause and resume only', async () => {
    const { initial, results } = await recordingAnswers('alwaysWithPause', [
      'resumeRecording',
      'pauseRecording',
      'stopRecording',
      'startRecording',
      'resumeRecording',
    ]);
    expect(initial).toBe('started');
    expect(results).toEqual([
      ['resumeRecording', 400, 'started'],
      ['pauseRecording', 204, 'paused'],
      ['stopRecording', 400, 'paused'],
      ['startRecording', 400, 'paused'],
      ['resumeRecording', 204, 'started'],
    ]);
  });

  it('onDemand: start, pause, resume and stop in their states', async () => {
    const { initial, results } = await recordingAnswers('onDemand', [
      'stopRecording',
      'pauseRecording',
      'startRecording',
      'startRecording',
      'pauseRecording',
      'pauseRecording',
      'resumeRecording',
      'stopRecording',
      'startRecording',
    ]);
    expect(initial).toBeUndefined();
    expect(results).toEqual([
      ['stopRecording', 400, undefined],
      ['pauseRecording', 400, undefined],
      ['startRecording', 204, 'started'],
      ['startRecording', 400, 'started'],
      ['pauseRecording', 204, 'paused'],
      ['pauseRecording', 400, 'paused'],
      ['resumeRecording', 204, 'started'],
      ['stopRecording', 204, 'stopped'],
      ['startRecording', 204, 'started'],
    ]);
  });

  it('never: every control refused', async () => {
    const { initial, results } = await recordingAnswers('never', ['startRecording', 'pauseRecording']);
    expect(initial).toBeUndefined();
    expect(results.map(([, status]) => status)).toEqual([400, 400]);
  });

  it('follows a mode changed by the scenario, and needs an answered call', async () => {
    sim = await startSim({ recordingMode: 'never' });
    const ringing = sim.scenario.ringUser({ from: { number: '+14155550100' } });
    sim.scenario.setRecordingMode('onDemand');
    expect(descriptionOf(await command(sim, 'startRecording', { callId: ringing }))).toMatch(/answered call/);
    await command(sim, 'answer', { callId: ringing });
    // callId may be omitted when the user has exactly one answered call.
    expect((await command(sim, 'startRecording', {})).status).toBe(204);
    expect((await getCall(sim, ringing)).recordingState).toBe('started');
  });
});

describe('DTMF', () => {
  it('logs digits sent through either spelling of the path', async () => {
    sim = await startSim();
    const callId = await connectedIncomingCall(sim);
    expect((await command(sim, 'transmitDtmf', { callId, dtmf: '1,234#' })).status).toBe(204);
    expect((await command(sim, 'transmitDTMF', { callId, dtmf: '*9AD' })).status).toBe(204);
    expect(sim.dtmfLog()).toEqual([
      { callId, dtmf: '1,234#' },
      { callId, dtmf: '*9AD' },
    ]);
  });

  it('refuses invalid digits and calls that are not connected', async () => {
    sim = await startSim();
    const callId = await connectedIncomingCall(sim);
    expect((await command(sim, 'transmitDtmf', { callId, dtmf: '12x' })).status).toBe(400);
    expect((await command(sim, 'transmitDtmf', { callId, dtmf: '' })).status).toBe(400);
    await command(sim, 'hold', { callId });
    const held = await command(sim, 'transmitDtmf', { callId, dtmf: '1' });
    expect(held.status).toBe(400);
    expect(descriptionOf(held)).toMatch(/connected/);
    expect(sim.dtmfLog()).toEqual([]);
  });
});

describe('mute', () => {
  it('is refused while the call is not mute capable and works once it is', async () => {
    sim = await startSim();
    const callId = sim.scenario.ringUser({ from: { number: '+14155550100' } });
    const refused = await command(sim, 'mute', { callId });
    expect(refused.status).toBe(400);
    expect(descriptionOf(refused)).toMatch(/muteCapable/);
    await command(sim, 'answer', { callId });
    expect((await command(sim, 'mute', { callId })).status).toBe(204);
    expect((await getCall(sim, callId)).muted).toBe(true);
    expect((await command(sim, 'unmute', { callId })).status).toBe(204);
    expect((await getCall(sim, callId)).muted).toBe(false);
  });

  it('follows a device that cannot mute', async () => {
    sim = await startSim();
    const callId = await connectedIncomingCall(sim);
    sim.scenario.setMuteCapable(callId, false);
    expect((await getCall(sim, callId)).muteCapable).toBe(false);
    expect((await command(sim, 'mute', { callId })).status).toBe(400);
  });
});
