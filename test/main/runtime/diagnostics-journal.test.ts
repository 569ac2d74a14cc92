/**
 * The diagnostics journal on a real core (a scripted provider, hand-driven timers): health transitions
 * with the time they happened, kept in a ring of 100; commands with their outcomes and how long they
 * took, including one the provider accepted and never carried out; words redacted as recorded.
 */
import { describe, expect, it } from 'vitest';
import { createSwitchboardCore } from '../../../src/main/core/switchboard-core';
import { createDiagnosticsJournal, shortRef } from '../../../src/main/runtime/diagnostics-journal';
import { TEST_CORE_TIMING, ManualTimers, makeCall, ProviderDouble, providerFailure } from '../core/provider-double';
import { closeAfterEach } from '../../support/close-after-each';

const stopped = closeAfterEach();

async function started(provider: ProviderDouble) {
  const timers = new ManualTimers();
  const core = createSwitchboardCore({
    provider,
    ...TEST_CORE_TIMING,
    timers,
  });
  stopped(core);
  const journal = createDiagnosticsJournal({ now: () => new Date(timers.now()) });
  journal.watch(core);
  await core.start();
  return { core: journal.recording(core), journal, timers };
}

describe('diagnostics journal', () => {
  it('records each health transition with its time, masks numbers in its words, and keeps only the last 100', async () => {
    const { core, journal, timers } = await started(new ProviderDouble());
    const first = journal.healthTransitions();
    expect(first.at(-1)).toMatchObject({ health: 'polling', provider: 'webex', demo: false });

    await timers.advance(1_000);
    core.signOut('Signed out after a call from +15550100101.');
    const [, signedOut] = journal.healthTransitions().slice(-2);
    expect(signedOut).toEqual({
      at: new Date(timers.now()).toISOString(),
      health: 'signedOut',
      provider: 'webex',
      demo: false,
      detail: 'Signed out after a call from …0101.',
    });

    for (let i = 0; i < 150; i += 1) {
      await timers.advance(1_000);
      core.signOut(`Signed out (${i}).`);
    }
    const kept = journal.healthTransitions();
    expect(kept).toHaveLength(100);
    expect(kept.at(-1)?.detail).toBe('Signed out (149).');
    expect(kept[0]?.detail).toBe('Signed out (50).');
    expect(journal.dropped().health).toBe(first.length + 1 + 150 - 100);
    const times = kept.map((t) => Date.parse(t.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('records commands with outcome and duration, and a command the provider never carried out', async () => {
    const provider = new ProviderDouble();
    provider.setCalls(makeCall({ id: 'call-0001-abcdef' }));
    const { core, journal, timers } = await started(provider);

    provider.behaviour = () => {
      throw providerFailure('PROVIDER', 'Transfer to +15550100202 refused for Bearer abcDEF123ghiJKL456');
    };
    expect(await core.command({ type: 'transfer', callId: 'call-0001-abcdef', destination: '+15550100202' })).toMatchObject({ ok: false });
    provider.behaviour = () => ({});
    await timers.advance(500);
    expect(await core.command({ type: 'hold', callId: 'call-0001-abcdef' })).toMatchObject({ ok: true });
    // Hold was accepted but no read ever showed it: the core gives up after 8 s.
    await timers.advance(8_000);

    const [transfer, hold, unconfirmed] = journal.commands();
    expect(transfer).toMatchObject({ kind: 'call', type: 'transfer', ref: '…abcdef', ok: false, code: 'PROVIDER' });
    expect(transfer?.message).toContain('…0202');
    expect(transfer?.message).not.toContain('15550100202');
    expect(transfer?.message).not.toContain('abcDEF123ghiJKL456');
    expect(hold).toEqual({ at: new Date(1_700_000_000_500).toISOString(), kind: 'call', type: 'hold', ref: '…abcdef', ok: true, ms: 0 });
    expect(unconfirmed).toMatchObject({ kind: 'unconfirmed', type: 'hold', ref: '…abcdef', ok: false, code: 'TIMEOUT' });
  });

  it('shortens ids to their last six letters and digits', () => {
    expect(shortRef('Y2lzY29zcGFyazovL3VzL0NBTEwvMTIzNDU2Nzg5MA==')).toBe('…Nzg5MA');
    expect(shortRef('c-1')).toBe('c1');
    expect(shortRef(undefined)).toBeUndefined();
  });
});
