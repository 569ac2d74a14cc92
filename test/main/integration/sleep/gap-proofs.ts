/**
 * The sleep and network-change proofs every provider must pass, on the real chain (the shell's
 * connectivity watch → the core → the real provider client → its simulator over loopback): calls that
 * start ringing while the machine sleeps or is offline show as soon as it is back — the ringing one
 * within a second or so of app time, not at the next slow poll — and the ones that rang and ended in the
 * gap reach the history (the `history` push and core.history('missed')). Each provider's test file calls
 * defineGapProofs with its own chain; not a test itself.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { SwitchboardCore } from '../../../../src/main/core/switchboard-core';
import type { HistoryEntry } from '../../../../src/shared/domain';
import { Machine } from './machine';

/** One provider's chain on a machine, with the scenario steps the proofs need. */
export interface Chain {
  core: SwitchboardCore;
  /** A caller rings the user: the call's id as the core lists it. */
  ring(number: string): string;
  /** The caller gives up (or hangs up): a ringing call becomes a missed one. */
  callerHangsUp(callId: string): void;
  /** How the feed is when all is well: 'live' (pushed) or 'polling'. */
  healthy: 'live' | 'polling';
  /** Requests the simulator refused for the rate limit so far, where it says (catching up after a gap must not cost one). */
  rateRefusals?(): number;
  close(): Promise<void>;
}

export type StartChain = (machine: Machine) => Promise<Chain>;

/** How much app time may pass between the network (or the machine) coming back and a ringing call showing. */
export const PROMPT_MS = 1_500;

export interface GapContext<C extends Chain = Chain> {
  machine: Machine;
  chain: C;
  /** Every `history` push since the start. */
  histories: HistoryEntry[][];
}

export async function startOnMachine<C extends Chain>(startChain: (machine: Machine) => Promise<C>): Promise<GapContext<C>> {
  const machine = new Machine();
  const chain = await startChain(machine);
  const histories: HistoryEntry[][] = [];
  chain.core.on('history', (entries) => histories.push(entries));
  await machine.settle(chain.core.start());
  await machine.within(5_000, () => expect(chain.core.status().health).toBe(chain.healthy));
  machine.watch(chain.core);
  // The History tab and the missed-call badge have read the history once: it is cached from here on.
  expect((await machine.settle(chain.core.history())).ok).toBe(true);
  return { machine, chain, histories };
}

const ringingIds = (core: SwitchboardCore) =>
  core
    .calls()
    .filter((c) => c.state === 'alerting')
    .map((c) => c.id);

async function missedNumbers(machine: Machine, core: SwitchboardCore): Promise<(string | undefined)[]> {
  const missed = await machine.settle(core.history('missed'));
  if (!missed.ok) throw new Error(missed.error.message);
  return missed.value.map((e) => e.number);
}

/** The history push and core.history('missed') both show every one of `numbers` as missed. */
async function expectMissed(ctx: GapContext, numbers: string[]): Promise<void> {
  await ctx.machine.within(15_000, () => {
    const pushed = (ctx.histories.at(-1) ?? []).filter((e) => e.type === 'missed').map((e) => e.number);
    expect(pushed).toEqual(expect.arrayContaining(numbers));
  });
  expect(await missedNumbers(ctx.machine, ctx.chain.core)).toEqual(expect.arrayContaining(numbers));
}

export function defineGapProofs(providerName: string, startChain: StartChain): void {
  let ctx: GapContext | undefined;
  afterEach(async () => {
    if (ctx) expect(ctx.chain.rateRefusals?.() ?? 0).toBe(0);
    ctx?.machine.close();
    ctx?.chain.core.stop();
    await ctx?.chain.close();
    ctx = undefined;
  });
  const begin = async (): Promise<GapContext> => {
    ctx = await startOnMachine(startChain);
    return ctx;
  };

  describe(`${providerName}: sleep`, () => {
    test('a call that rings while the machine sleeps shows at once on waking; one that rang and ended is in the history', async () => {
      const { machine, chain, ...rest } = await begin();
      machine.suspend();
      const gaveUp = chain.ring('+15550100101');
      await machine.asleepFor(20_000);
      chain.callerHangsUp(gaveUp);
      await machine.asleepFor(10 * 60_000);
      const ringing = chain.ring('+15550100102');
      await machine.asleepFor(5_000);

      machine.wake();
      await machine.within(PROMPT_MS, () => expect(ringingIds(chain.core)).toEqual([ringing]));
      await expectMissed({ machine, chain, ...rest }, ['+15550100101']);
      await machine.within(5_000, () => expect(chain.core.status().health).toBe(chain.healthy));
    });
  });

  describe(`${providerName}: offline`, () => {
    test('offline as the OS says: a call that rings meanwhile shows as soon as it is back; one that rang and ended is in the history', async () => {
      const { machine, chain, ...rest } = await begin();
      machine.goOffline(true);
      await machine.run(3_500);
      expect(chain.core.status().health).toBe('offline');
      const gaveUp = chain.ring('+15550100201');
      await machine.run(20_000);
      chain.callerHangsUp(gaveUp);
      const ringing = chain.ring('+15550100202');
      await machine.run(5_000);
      expect(chain.core.calls()).toEqual([]);

      machine.goOnline();
      // The connectivity watch looks every 3 s; then the read is at once.
      await machine.within(3_000 + PROMPT_MS, () => expect(ringingIds(chain.core)).toEqual([ringing]));
      await expectMissed({ machine, chain, ...rest }, ['+15550100201']);
    });

    test('offline the OS does not notice (requests just fail) for two minutes: a ringing call shows within seconds of the network returning', async () => {
      const { machine, chain, ...rest } = await begin();
      machine.goOffline(false);
      await machine.run(120_000);
      expect(chain.core.status().health).toBe('offline');
      const gaveUp = chain.ring('+15550100301');
      await machine.run(15_000);
      chain.callerHangsUp(gaveUp);
      const ringing = chain.ring('+15550100302');
      await machine.run(1_000);

      machine.goOnline();
      // Not the minute a long backoff would wait: a failed connection is tried again every few seconds.
      await machine.within(5_000 + PROMPT_MS, () => expect(ringingIds(chain.core)).toEqual([ringing]));
      await expectMissed({ machine, chain, ...rest }, ['+15550100301']);
      expect(chain.core.status().health).not.toBe('offline');
    });
  });
}
