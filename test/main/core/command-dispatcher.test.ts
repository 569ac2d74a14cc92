// The dispatcher (bad input is the boundary's: test/main/runtime/command-invocation.test.ts): unknown calls
// and impossible actions are refused before anything is sent; a command is
// sent exactly once; after a failure whose outcome is unknown the real state is re-read and the message
// says what is true now.
import { describe, expect, it } from 'vitest';
import type { CommandOutcome } from '../../../src/shared/contract';
import type { Call } from '../../../src/shared/domain';
import type { Result } from '../../../src/shared/result';
import { DEFAULT_POLL_INTERVALS } from '../../../src/main/core/feed-intervals';
import { createFeedSupervisor } from '../../../src/main/core/feed-supervisor';
import { createCallStore } from '../../../src/main/core/call-store';
import { createCommandDispatcher } from '../../../src/main/core/command-dispatcher';
import { createEventHealth } from '../../../src/main/core/event-health';
import { ManualTimers, ProviderDouble, actionsFor, makeCall, providerFailure, settle } from './provider-double';

async function setup(...calls: Call[]) {
  const provider = new ProviderDouble();
  const timers = new ManualTimers();
  const store = createCallStore({ timers });
  const health = createEventHealth({ providerName: 'Webex' });
  const poller = createFeedSupervisor({ provider, store, health, providerName: 'Webex', timers });
  const dispatcher = createCommandDispatcher({ provider, store, poller, providerName: 'Webex' });
  provider.setCalls(...calls);
  await poller.reconcile();
  const readsBefore = provider.snapshotCount;
  return { provider, store, poller, dispatcher, timers, rereads: () => provider.snapshotCount - readsBefore };
}

function errorOf(result: Result<CommandOutcome>) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

const connected = () => makeCall({ id: 'c1', state: 'connected' });
const held = () => makeCall({ id: 'c1', state: 'held', actions: actionsFor('held') });
const ringing = () => makeCall({ id: 'c1', state: 'alerting', actions: actionsFor('alerting') });

describe('command dispatcher: refused before sending', () => {
  it('refuses a command for a call it does not know as NOT_FOUND', async () => {
    const { dispatcher, provider } = await setup(connected());
    const error = errorOf(await dispatcher.dispatch({ type: 'hold', callId: 'gone' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'No such call: it may have ended.' });
    expect(provider.executed).toEqual([]);
  });

  it('refuses an attended transfer to a call it does not know', async () => {
    const { dispatcher, provider } = await setup(connected());
    const error = errorOf(await dispatcher.dispatch({ type: 'attendedTransfer', callId: 'c1', otherCallId: 'gone' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(provider.executed).toEqual([]);
  });

  it('refuses an action the call does not offer now, saying why', async () => {
    const { dispatcher, provider } = await setup(ringing());
    const error = errorOf(await dispatcher.dispatch({ type: 'hold', callId: 'c1' }));
    expect(error).toMatchObject({ code: 'NOT_ALLOWED', message: 'Hold is not available now: the call is ringing.' });
    expect(provider.executed).toEqual([]);
  });

  it('names the action in the words of the UI', async () => {
    const { dispatcher } = await setup(held());
    expect(errorOf(await dispatcher.dispatch({ type: 'toVoicemail', callId: 'c1' })).message).toBe(
      'Send to voicemail is not available now: the call is on hold.',
    );
    expect(errorOf(await dispatcher.dispatch({ type: 'startRecording', callId: 'c1' })).message).toBe(
      'Record is not available now: the call is on hold.',
    );
  });

  it('refuses mute on a call that cannot be muted from here', async () => {
    const { dispatcher, provider } = await setup(makeCall({ id: 'c1', muteCapable: false, actions: ['hangup', 'hold'] }));
    const error = errorOf(await dispatcher.dispatch({ type: 'mute', callId: 'c1' }));
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.message).toMatch(/^Mute is not available for this call/);
    expect(provider.executed).toEqual([]);
  });

  it('refuses the same command twice while the first is still pending', async () => {
    const { dispatcher, provider } = await setup(connected());
    await dispatcher.dispatch({ type: 'hold', callId: 'c1' });
    const error = errorOf(await dispatcher.dispatch({ type: 'hold', callId: 'c1' }));
    expect(error).toMatchObject({ code: 'NOT_ALLOWED', message: 'Hold is already in progress.' });
    expect(provider.executed).toHaveLength(1);
  });
});

describe('command dispatcher: sending', () => {
  it('sends the normalised command once and marks the call pending until a snapshot confirms it', async () => {
    const { dispatcher, provider, store, poller } = await setup(connected());
    let pendingWhileSending: string | undefined;
    provider.behaviour = (_command, p) => {
      pendingWhileSending = store.call('c1')?.pending;
      p.setCalls(held());
      return {};
    };
    await expect(dispatcher.dispatch({ type: 'hold', callId: 'c1' })).resolves.toEqual({ ok: true, value: {} });
    expect(provider.executed).toEqual([{ type: 'hold', callId: 'c1' }]);
    expect(pendingWhileSending).toBe('hold');
    expect(store.call('c1')?.pending).toBe('hold');
    await poller.reconcile();
    expect(store.call('c1')).toMatchObject({ state: 'held' });
    expect(store.call('c1')?.pending).toBeUndefined();
  });

  it('returns what the provider reports, such as the new call of a dial', async () => {
    const { dispatcher, provider } = await setup();
    provider.behaviour = () => ({ callId: 'new-1' });
    await expect(dispatcher.dispatch({ type: 'dial', destination: '+15550100' })).resolves.toEqual({
      ok: true,
      value: { callId: 'new-1' },
    });
  });

  it('clears a DTMF mark as soon as the tones are accepted', async () => {
    const { dispatcher, store } = await setup(connected());
    await dispatcher.dispatch({ type: 'dtmf', callId: 'c1', digits: '12' });
    expect(store.hasPending()).toBe(false);
  });

  it('asks the poller to read soon after sending', async () => {
    const { dispatcher, poller, timers } = await setup(connected());
    await poller.start();
    expect(poller.nextDelayMs()).toBe(DEFAULT_POLL_INTERVALS.normalMs);
    await dispatcher.dispatch({ type: 'hold', callId: 'c1' });
    expect(poller.nextDelayMs()).toBe(DEFAULT_POLL_INTERVALS.fastMs);
    poller.stop();
    expect(timers.pending()).toHaveLength(1); // only the pending mark's wait is left
  });

  it('marks both calls of an attended transfer', async () => {
    const { dispatcher, store, provider } = await setup(connected(), makeCall({ id: 'c2', state: 'held', actions: actionsFor('held') }));
    let marks: (string | undefined)[] = [];
    provider.behaviour = () => {
      marks = store.calls().map((c) => c.pending);
      return {};
    };
    await dispatcher.dispatch({ type: 'attendedTransfer', callId: 'c1', otherCallId: 'c2' });
    expect(marks).toEqual(['attendedTransfer', 'attendedTransfer']);
  });
});

describe('command dispatcher: failures', () => {
  it('returns a refusal as it is, without re-reading, and clears the mark', async () => {
    const { dispatcher, provider, store, rereads } = await setup(connected());
    provider.behaviour = () => {
      throw providerFailure('NOT_ALLOWED', 'Webex refused: the call cannot be held now (tracking ID T-1)', { trackingId: 'T-1' });
    };
    const error = errorOf(await dispatcher.dispatch({ type: 'hold', callId: 'c1' }));
    expect(error).toEqual({
      code: 'NOT_ALLOWED',
      message: 'Webex refused: the call cannot be held now (tracking ID T-1)',
      retryable: false,
      trackingId: 'T-1',
    });
    expect(rereads()).toBe(0);
    expect(store.hasPending()).toBe(false);
    expect(provider.executed).toHaveLength(1);
  });

  it('after a timeout that changed nothing, re-reads and says the call is still as it was', async () => {
    const { dispatcher, provider, store, rereads } = await setup(held());
    provider.behaviour = () => {
      throw providerFailure('TIMEOUT', 'Webex did not answer in time.');
    };
    const error = errorOf(await dispatcher.dispatch({ type: 'resume', callId: 'c1' }));
    expect(error).toMatchObject({ code: 'TIMEOUT', message: 'Webex did not answer in time — the call is still on hold.', retryable: true });
    expect(rereads()).toBe(1);
    expect(provider.executed).toHaveLength(1);
    expect(store.call('c1')?.pending).toBeUndefined();
  });

  it('after a timeout that was applied after all, says so and does not invite a retry', async () => {
    const { dispatcher, provider, store } = await setup(connected());
    provider.behaviour = (_command, p) => {
      p.setCalls(held());
      throw providerFailure('TIMEOUT', 'Webex did not answer in time.');
    };
    const error = errorOf(await dispatcher.dispatch({ type: 'hold', callId: 'c1' }));
    expect(error).toMatchObject({ code: 'TIMEOUT', message: 'Webex did not answer in time — the call is now on hold.', retryable: false });
    expect(store.call('c1')?.state).toBe('held');
    expect(provider.executed).toHaveLength(1);
  });

  it('after a network error, says that the call has ended when it has', async () => {
    const { dispatcher, provider, store } = await setup(connected());
    provider.behaviour = (_command, p) => {
      p.setCalls();
      throw providerFailure('NETWORK', 'Cannot reach Webex: check the network connection.');
    };
    const error = errorOf(await dispatcher.dispatch({ type: 'hangup', callId: 'c1' }));
    expect(error).toMatchObject({
      code: 'NETWORK',
      message: 'Cannot reach Webex: check the network connection — the call has ended.',
      retryable: false,
    });
    expect(store.calls()).toEqual([]);
  });

  it('after a 5xx, speaks of mute in terms of mute', async () => {
    const { dispatcher, provider } = await setup(connected());
    provider.behaviour = () => {
      throw providerFailure('UNAVAILABLE', 'Webex is unavailable (502).');
    };
    const error = errorOf(await dispatcher.dispatch({ type: 'mute', callId: 'c1' }));
    expect(error.message).toBe('Webex is unavailable (502) — the call is still not muted.');
  });

  it('after an unreadable answer, re-reads before answering', async () => {
    const { dispatcher, provider, rereads } = await setup(ringing());
    provider.behaviour = (_command, p) => {
      p.setCalls(connected());
      throw providerFailure('BAD_RESPONSE', 'Webex sent an answer Switchboard cannot read (not JSON).');
    };
    const error = errorOf(await dispatcher.dispatch({ type: 'answer', callId: 'c1' }));
    expect(error.message).toBe('Webex sent an answer Switchboard cannot read (not JSON) — the call is now connected.');
    expect(rereads()).toBe(1);
  });

  it('when the provider no longer knows the call, re-reads and says it has ended', async () => {
    const { dispatcher, provider, store, rereads } = await setup(connected());
    provider.behaviour = (_command, p) => {
      p.setCalls();
      throw providerFailure('NOT_FOUND', 'Webex refused: call not found (tracking ID ROUTER_1)', { trackingId: 'ROUTER_1' });
    };
    const error = errorOf(await dispatcher.dispatch({ type: 'hold', callId: 'c1' }));
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Webex refused: call not found (tracking ID ROUTER_1) — the call has ended.',
      trackingId: 'ROUTER_1',
    });
    expect(rereads()).toBe(1);
    expect(store.calls()).toEqual([]);
  });

  it('treats an unexpected exception as an unknown outcome and still answers with a value', async () => {
    const { dispatcher, provider, rereads } = await setup(connected());
    provider.behaviour = () => {
      throw new TypeError('socket hang up');
    };
    const result = await dispatcher.dispatch({ type: 'park', callId: 'c1' });
    const error = errorOf(result);
    expect(error.code).toBe('PROVIDER');
    expect(error.message).toBe('The request to Webex failed: socket hang up — the call is still connected.');
    expect(rereads()).toBe(1);
  });

  it('says so when the state could not be re-read either', async () => {
    const { dispatcher, provider } = await setup(connected());
    provider.behaviour = (_command, p) => {
      p.snapshotFailures.push(providerFailure('NETWORK', 'Cannot reach Webex: check the network connection.'));
      throw providerFailure('TIMEOUT', 'Webex did not answer in time.');
    };
    const error = errorOf(await dispatcher.dispatch({ type: 'hold', callId: 'c1' }));
    expect(error.message).toBe(
      'Webex did not answer in time — Switchboard could not check what happened (Cannot reach Webex: check the network connection).',
    );
  });

  it('after a dial timed out, says whether a call was started', async () => {
    const { dispatcher, provider } = await setup();
    provider.behaviour = (_command, p) => {
      p.setCalls(makeCall({ id: 'new', state: 'connecting', direction: 'outgoing' }));
      throw providerFailure('TIMEOUT', 'Webex did not answer in time.');
    };
    expect(errorOf(await dispatcher.dispatch({ type: 'dial', destination: '2001' })).message).toBe(
      'Webex did not answer in time — a new call has appeared in your call list.',
    );
    provider.behaviour = () => {
      throw providerFailure('TIMEOUT', 'Webex did not answer in time.');
    };
    expect(errorOf(await dispatcher.dispatch({ type: 'dial', destination: '2002' })).message).toBe(
      'Webex did not answer in time — no new call was started.',
    );
    expect(provider.executed).toHaveLength(2);
  });

  it('never throws, even when the provider throws something that is not an Error', async () => {
    const { dispatcher, provider } = await setup(connected());
    provider.behaviour = () => {
      throw 'nope';
    };
    const result = await dispatcher.dispatch({ type: 'hold', callId: 'c1' });
    expect(result.ok).toBe(false);
    await settle();
  });
});
