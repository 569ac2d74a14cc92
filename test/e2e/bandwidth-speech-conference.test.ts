/**
 * End to end, in Chromium through the browser preview running the Bandwidth demo: Speak on an answered
 * call reaches the simulator's call, and a conference with two members dialled in has one muted, one
 * removed, and is then released from the conference window (each asking first). Buttons are found by
 * their names in src/shared/action-labels.ts ("Speak", "Mute", "Remove", "Release conference").
 */
import { describe, expect, it } from 'vitest';
import { bandwidthPerTest, inSimulator, simCall } from './bandwidth-harness';

const e2e = bandwidthPerTest();
const CALLER = '+15550100101';

describe('Bandwidth speech and conferences in the browser preview', () => {
  it('Speak says a sentence into the answered call', { timeout: 60_000 }, async () => {
    const { simulator, preview } = e2e.session;
    const panel = await e2e.session.open('panel');
    const callId = simulator.scenario.ringIn({ from: CALLER });
    const card = panel.getByRole('article', { name: CALLER });
    await card.getByRole('button', { name: 'Answer', exact: true }).click();
    await card.getByRole('button', { name: 'Hang up', exact: true }).waitFor();
    expect(preview.backend.core.calls()[0]?.actions).toContain('speak');

    await card.getByRole('button', { name: 'Speak', exact: true }).click();
    await card.getByRole('textbox', { name: 'Sentence to say' }).fill('Thanks for calling, one moment please.');
    await card.getByRole('button', { name: 'Say it', exact: true }).click();
    await inSimulator(() => simulator.audioLog().find((e) => e.target === `call:${callId}`)?.order).toEqual({
      kind: 'play',
      request: expect.objectContaining({ sentence: 'Thanks for calling, one moment please.' }),
    });
    expect(simCall(simulator, callId)?.state).toBe('active');
  });

  it('a conference with two members: one muted, one removed, then released', { timeout: 60_000 }, async () => {
    const { simulator, preview } = e2e.session;
    const { core } = preview.backend;
    expect(await core.conferenceCommand({ type: 'startConference' })).toEqual({ ok: true, value: null });
    await expect.poll(() => core.conferences().length, { timeout: 10_000 }).toBe(1);
    const conferenceId = core.conferences()[0]?.id ?? '';
    for (const destination of ['+15550100201', '+15550100202'])
      expect(await core.conferenceCommand({ type: 'dialIntoConference', conferenceId, destination })).toEqual({ ok: true, value: null });
    await expect.poll(() => core.conferences()[0]?.participants.length, { timeout: 10_000 }).toBe(2);

    const window = await e2e.session.open('conference');
    await window.getByRole('button', { name: 'Mute', exact: true }).first().click();
    await expect.poll(() => core.conferences()[0]?.participants.filter((p) => p.muted).length, { timeout: 10_000 }).toBe(1);
    await window.getByRole('button', { name: 'Remove', exact: true }).last().click();
    // Removing someone cannot be undone, so the window asks first.
    await window
      .getByRole('alertdialog')
      .getByRole('button', { name: /^Remove / })
      .click();
    await expect.poll(() => core.conferences()[0]?.participants.length, { timeout: 10_000 }).toBe(1);

    await window.getByRole('button', { name: 'Release conference', exact: true }).click();
    await window.getByRole('button', { name: 'Release for everyone', exact: true }).click();
    await inSimulator(() => simulator.calls().every((c) => c.state === 'completed')).toBe(true);
    await expect.poll(() => core.conferences().length, { timeout: 10_000 }).toBe(0);
  });
});
