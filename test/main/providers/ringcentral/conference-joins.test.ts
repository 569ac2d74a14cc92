/**
 * A RingCentral conference participant is named by the call it was brought in from, so that after a
 * merge or an add whose answer never came, the core can say truly whether the call joined: through the
 * real core, provider and simulator (the answer of the bring-in is lost to a connection reset after
 * RingCentral carried it out), and in the conference book itself (a full read that missed the
 * conference does not lose the link).
 */
import { expect, test } from 'vitest';
import { createSwitchboardCore } from '../../../../src/main/core/switchboard-core';
import { staticTokenSource } from '../../../../src/main/provider-api/token-source';
import { ConferenceBook } from '../../../../src/main/providers/ringcentral/conference-mapping';
import { createRingCentralProvider } from '../../../../src/main/providers/ringcentral/index';
import type { WireParty } from '../../../../src/main/providers/ringcentral/wire';
import { startRingCentralSimulator } from '../../../../src/main/simulator/ringcentral';
import { eventually } from '../../../support/eventually';
import { HandTimers } from '../../../support/hand-timers';
import { RC_TOKEN } from './rc-fixture';
import { closeAfterEach } from '../../../support/close-after-each';

const started = closeAfterEach();

test('an add to a conference whose answer is lost says the call is now in the conference, listed under its own id', async () => {
  const timers = new HandTimers();
  const sim = started(await startRingCentralSimulator({ timers }));
  const { provider } = createRingCentralProvider({ server: sim.baseUrl, tokens: staticTokenSource(RC_TOKEN, 'RingCentral'), timers });
  const core = started(createSwitchboardCore({ provider, timers, providerName: 'RingCentral' }));
  await core.start();
  await eventually(() => expect(core.status().health).toBe('live'));
  const answered = (name: string) => {
    const sid = sim.scenario.ringUser({ from: { phoneNumber: '+15550100', name } });
    sim.scenario.answerOnDevice(sid);
    return sid;
  };
  const a = answered('Ada Lovelace');
  const b = answered('Grace Hall');
  await eventually(() => expect(core.calls().filter((c) => c.actions.includes('merge'))).toHaveLength(2));
  expect((await core.conferenceCommand({ type: 'merge' })).ok).toBe(true);
  await eventually(() => expect(core.conferences()[0]?.participants.map((p) => p.callId)).toEqual([a, b]));
  const conferenceId = core.conferences()[0]!.id;

  const c = answered('Alan Turing');
  await eventually(() => expect(core.calls().find((call) => call.id === c)?.actions).toContain('addToConference'));
  sim.faults.reset({ path: `/sessions/${conferenceId}/parties/bring-in` }, true);
  const result = await core.conferenceCommand({ type: 'addParticipant', conferenceId, callId: c });

  expect(result).toMatchObject({
    ok: false,
    error: { code: 'NETWORK', message: expect.stringContaining('the call is now in the conference') },
  });
  expect(core.conferences()[0]?.participants.map((p) => p.callId)).toEqual([a, b, c]);
  expect(sim.journal.filter((e) => e.operation === 'bring-in' && e.applied)).toHaveLength(3);
});

test('a full read that missed the conference keeps the link from a party to the call it came from', () => {
  const book = new ConferenceBook();
  const party = { id: 'p-conf-1', direction: 'Inbound', status: { code: 'Answered' }, from: { name: 'Ada' } } as WireParty;
  book.replace({ id: 'conf', parties: [party] });
  book.link('p-conf-1', 'call-a');
  // A read whose presence came before the conference started leaves it out; the next read brings it back.
  book.keepOnly([]);
  book.replace({ id: 'conf', parties: [party] });
  expect(book.list()[0]?.participants.map((p) => p.callId)).toEqual(['call-a']);
  expect(book.partyIdOf('conf', 'call-a')).toBe('p-conf-1');
});
