// @vitest-environment happy-dom
/** A call's controls stay disabled while ANY command for it travels, not only the last one sent. */
import { afterEach, describe, expect, it } from 'vitest';
import { sendConferenceCommand } from '../../src/renderer/send-conference-command';
import { sendCommand } from '../../src/renderer/send-command';
import { callsInFlight, conferencesInFlight, connect } from '../../src/renderer/state';
import type { CommandOutcome } from '../../src/shared/contract';
import { ok, type Result } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

/** A bridge whose commands answer only when the test says so, in any order. */
function slowBridge() {
  const bridge = new FakeBridge();
  const answers: (() => void)[] = [];
  bridge.command = () => new Promise<Result<CommandOutcome>>((resolve) => answers.push(() => resolve(ok({}))));
  bridge.conferenceCommand = () => new Promise<Result<null>>((resolve) => answers.push(() => resolve(ok(null))));
  return { bridge, finish: (index: number) => answers[index]?.() };
}

describe('commands in flight', () => {
  it('two overlapping commands on one call: the call stays busy until the second one answers', async () => {
    const { bridge, finish } = slowBridge();
    dispose = connect(bridge);
    const first = sendCommand(bridge, { type: 'hold', callId: 'c1' });
    const second = sendCommand(bridge, { type: 'mute', callId: 'c1' });
    expect(callsInFlight.value.has('c1')).toBe(true);

    finish(0);
    await first;
    expect(callsInFlight.value.has('c1')).toBe(true);

    finish(1);
    await second;
    expect(callsInFlight.value.has('c1')).toBe(false);
  });

  it('two overlapping host commands: the conference stays busy until the second one answers', async () => {
    const { bridge, finish } = slowBridge();
    dispose = connect(bridge);
    const first = sendConferenceCommand(bridge, { type: 'muteHost', conferenceId: 'conf-1' });
    const second = sendConferenceCommand(bridge, { type: 'holdConference', conferenceId: 'conf-1' });
    expect(conferencesInFlight.value.has('conf-1')).toBe(true);

    finish(0);
    await first;
    expect(conferencesInFlight.value.has('conf-1')).toBe(true);

    finish(1);
    await second;
    expect(conferencesInFlight.value.has('conf-1')).toBe(false);
  });
});
