import { afterEach, describe, expect, it } from 'vitest';
import { type Rig, startRig } from './client-kit';

const CALLER = '+14045550123';
let rig: Rig;

afterEach(async () => {
  await rig?.sim.close();
});

/** Every refusal here must happen before a single byte reaches Bandwidth. */
async function refusedBeforeSending(attempt: Promise<unknown>, words: string | RegExp): Promise<void> {
  const before = rig.sim.requests.length;
  await expect(attempt).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(words) });
  expect(rig.sim.requests.length).toBe(before);
}

describe('bad input is refused before anything is sent', () => {
  it('DTMF outside 0-9 * # A-D and the pauses, or longer than 92 tones', async () => {
    rig = await startRig();
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    await refusedBeforeSending(rig.client.sendDtmf(id, '12x'), /“x” cannot be sent as a tone/);
    await refusedBeforeSending(rig.client.sendDtmf(id, '1 2'), /cannot be sent as a tone/);
    await refusedBeforeSending(rig.client.sendDtmf(id, '1'.repeat(93)), /At most 92 tones/);
    await refusedBeforeSending(rig.client.sendDtmf(id, ''), /at least one digit/);
  });

  it('sentences over 1,000 characters, and audio that is neither a sentence nor an https file', async () => {
    rig = await startRig();
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    await refusedBeforeSending(rig.client.playAudio(id, { sentence: 'a'.repeat(1001) }), /at most 1000 characters \(1001 given\)/);
    await refusedBeforeSending(rig.client.playAudio(id, { fileUrl: 'file:///etc/passwd' }), /not a web address/);
    await refusedBeforeSending(rig.client.playAudio(id, { fileUrl: 'http://example.com/hold.mp3' }), /not a web address/);
    await refusedBeforeSending(rig.client.playAudio(id, {}), /something to say or a file/);
    await refusedBeforeSending(rig.client.transfer(id, { to: CALLER, whisper: { sentence: 'b'.repeat(1001) } }), /too long/);
    await refusedBeforeSending(rig.client.createGather(id, { prompt: { sentence: 'c'.repeat(1001) } }), /too long/);
  });

  it('numbers that are neither E.164 nor sip:', async () => {
    rig = await startRig();
    const from = rig.sim.numbers[0] ?? '';
    await refusedBeforeSending(rig.client.createCall({ from, to: '404-555-0123' }), /international form/);
    await refusedBeforeSending(rig.client.createCall({ from, to: '+0123' }), /cannot be called/);
    await refusedBeforeSending(rig.client.createCall({ from: '4045550100', to: CALLER }), /calling number/);
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    await refusedBeforeSending(rig.client.transfer(id, { to: 'bob' }), /transfer destination “bob”/);
    // A SIP URI is a valid destination: this one is sent.
    await rig.client.answer(id);
    await expect(rig.client.transfer(id, { to: 'sip:desk@example.com' })).resolves.toMatch(/^c-/);
  });

  it('gathers beyond 30 digits, ids that are not path segments, bridges of three', async () => {
    rig = await startRig();
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    await refusedBeforeSending(rig.client.createGather(id, { maxDigits: 31 }), /between 1 and 30/);
    await refusedBeforeSending(rig.client.createGather(id, { terminatingDigits: 'x' }), /ending key/);
    await refusedBeforeSending(rig.client.getCall('../conferences/x'), /not a Bandwidth call id/);
    await refusedBeforeSending(rig.client.createBridge({ callIds: ['c-1', 'c-2', 'c-3'] }), /at most two calls/);
    await refusedBeforeSending(rig.client.createCall({ from: rig.sim.numbers[0] ?? '', to: CALLER, callTimeout: 301 }), /1 to 300 seconds/);
  });
});
