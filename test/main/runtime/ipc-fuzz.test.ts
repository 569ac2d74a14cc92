// The IPC fuzz (issue 11, item 7): over ten thousand malformed payloads on every invoke channel of every
// window, through main's boundary into the real bridge handlers of the Webex demo on its simulator, and
// the dial-string and DTMF attacks again into RingCentral's demo. A window can send anything; the app
// must answer each with a clear refusal, never crash, never leave a promise rejected unhandled, never let
// a prototype be polluted, and never let an unnormalised number or tone reach the provider. A failure
// names the seed and the payload's index (see ipc-fuzz-run.ts). The long run: `npm run bench`.
import { describe, expect, it } from 'vitest';
import { runIpcFuzz } from './ipc-fuzz-run';

const MIN_PAYLOADS = 10_000;
/** Commands that make RingCentral place a call (ten a minute at most): left out of its run. */
const RINGCENTRAL_CALL_OUTS = ['dial', 'pickup', 'bargeIn', 'retrieve', 'listen'];

describe('IPC fuzz', () => {
  it(`answers ${MIN_PAYLOADS.toLocaleString('en')}+ malformed payloads on every channel of every window with a clear BAD_INPUT, and nothing unnormalised reaches Webex`, async () => {
    const report = await runIpcFuzz({ perChannel: 140 });
    expect(report.problems.slice(0, 10).join('\n'), `${report.problemCount} problems (the first ten shown)`).toBe('');
    expect(report.unhandledRejections).toBe(0);
    expect(report.refused).toBeGreaterThanOrEqual(MIN_PAYLOADS);
    // Some attacks normalise to real numbers and tones: the wire check saw them, so it checked something.
    expect(report.wireNumbers).toBeGreaterThan(10);
    expect(report.wireTones).toBeGreaterThan(0);
  }, 30_000);

  it('sends Bandwidth only normalised numbers and tones, whatever the windows put in a dial, transfer or the digits (its paced queue on a hand clock)', async () => {
    const report = await runIpcFuzz({ provider: 'bandwidth', perChannel: 0 });
    expect(report.problems.slice(0, 10).join('\n'), `${report.problemCount} problems (the first ten shown)`).toBe('');
    expect(report.unhandledRejections).toBe(0);
    expect(report.refused).toBeGreaterThan(0);
    expect(report.wireNumbers).toBeGreaterThan(0);
    expect(report.wireTones).toBeGreaterThan(0);
  }, 30_000);

  it('sends RingCentral only normalised numbers, whatever the windows put in a transfer, divert or park', async () => {
    const report = await runIpcFuzz({ provider: 'ringcentral', perChannel: 0, skipAttackTypes: RINGCENTRAL_CALL_OUTS });
    expect(report.problems.slice(0, 10).join('\n'), `${report.problemCount} problems (the first ten shown)`).toBe('');
    expect(report.unhandledRejections).toBe(0);
    expect(report.refused).toBeGreaterThan(0);
    expect(report.wireNumbers).toBeGreaterThan(0);
  }, 30_000);
});
