/**
 * End to end, in Chromium through the browser preview against the demo's simulator: two calls →
 * Merge → a conference with two participants → mute one, deafen the other → the SIMULATOR's media says
 * exactly that → Hold / Resume → Release (confirmed) → no calls remain.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { inSimulator, previewPerTest } from './preview-harness';

const e2e = previewPerTest();

const button = (where: Locator | Page, name: string) => where.getByRole('button', { name, exact: true });

describe('the conference window controls a real conference', () => {
  it('merges two calls, mutes and deafens participants, holds, resumes and releases', async () => {
    const session = e2e.session;
    const { scenario } = session.simulator;
    const ada = scenario.ringUser({ from: { name: 'Ada Lovelace', number: '+15550100401', callType: 'external' } });
    scenario.answerOnDevice(ada);
    const bob = scenario.ringUser({ from: { name: 'Bob Stone', number: '+15550100402', callType: 'external' } });
    scenario.answerOnDevice(bob);

    // The panel offers the conference once two calls are up.
    const panel = await session.open('panel');
    await button(panel, 'Conference').waitFor();

    const page = await session.open('conference');
    await button(page, 'Merge').click();
    await inSimulator(() =>
      session.simulator
        .conference()
        .participants?.map((p) => p.callId)
        .sort(),
    ).toEqual([ada, bob].sort());

    const adaRow = page.getByRole('listitem', { name: 'Ada Lovelace' });
    const bobRow = page.getByRole('listitem', { name: 'Bob Stone' });
    await adaRow.getByText('+15550100401').waitFor();

    await button(adaRow, 'Mute').click();
    await inSimulator(() => scenario.mediaOf(ada)).toEqual({ sends: false, receives: true });
    await button(bobRow, 'Deafen').click();
    await inSimulator(() => scenario.mediaOf(bob)).toEqual({ sends: true, receives: false });
    await adaRow.getByText('Muted', { exact: true }).waitFor();
    await bobRow.getByText('Deafened', { exact: true }).waitFor();
    await inSimulator(() => session.simulator.conference().participants?.find((p) => p.callId === ada)).toMatchObject({
      muted: true,
      deafened: false,
    });
    await inSimulator(() => session.simulator.conference().participants?.find((p) => p.callId === bob)).toMatchObject({
      muted: false,
      deafened: true,
    });

    await button(page, 'Hold').click();
    await inSimulator(() => session.simulator.conference().state).toBe('held');
    await button(page, 'Resume').click();
    await inSimulator(() => session.simulator.conference().state).toBe('connected');

    await button(page, 'Release conference').click();
    await button(page, 'Release for everyone').click();
    await inSimulator(() => session.simulator.listCalls()).toEqual([]);
    await inSimulator(() => session.simulator.conference()).toEqual({});
  });
});
