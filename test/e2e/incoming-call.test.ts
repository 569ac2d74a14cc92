/**
 * End to end, in Chromium through the browser preview against the demo's simulator: a call rings,
 * the popup shows who and why, Answer connects it in the simulator and the panel shows it; a call
 * nobody answered lands in the history with the missed badge.
 */

import { describe, expect, it } from 'vitest';
import { inSimulator, simCall, previewPerTest } from './preview-harness';

const e2e = previewPerTest();

describe('an incoming call in the browser preview', () => {
  it('rings a forwarded (busy) call: the popup shows caller and reason, Answer connects it in the simulator and the panel shows it', async () => {
    const panel = await e2e.session.open('panel');
    const popup = await e2e.session.open('popup');

    // Ring through the simulator's own HTTP scenario route, as the demo and outside tools do.
    const ring = await fetch(new URL('/_sim/ring', e2e.session.simulator.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: { name: 'Carol White', number: '+15550100103', callType: 'external' },
        redirections: [{ reason: 'busy', by: { name: 'Bob Jones', number: '2002', callType: 'location' } }],
      }),
    });
    const { callId } = (await ring.json()) as { callId: string };

    await popup.getByRole('heading', { name: 'Carol White' }).waitFor();
    await popup.getByText('Forwarded from Bob Jones — busy', { exact: true }).waitFor();
    // Screen readers hear it too, through the popup's live region.
    expect(await popup.locator('[aria-live="assertive"]').textContent()).toBe(
      'Incoming call from Carol White, forwarded from Bob Jones — busy',
    );
    await popup.getByRole('button', { name: 'Answer' }).click();

    await inSimulator(() => simCall(e2e.session.simulator, callId)?.state).toBe('connected');
    const card = panel.getByRole('article', { name: 'Carol White' });
    await card.getByText('Connected').waitFor();
    await card.getByRole('button', { name: 'Hang up' }).waitFor();
    // Once answered, the popup has nothing left to show.
    await popup.getByRole('heading', { name: 'Carol White' }).waitFor({ state: 'detached' });
  });

  it('shows a call nobody answered in the history, with the missed-call badge', async () => {
    const panel = await e2e.session.open('panel');
    const callId = e2e.session.simulator.scenario.ringUser({ from: { name: 'Dan Brown', number: '+15550100104', callType: 'external' } });
    await panel.getByRole('article', { name: 'Dan Brown' }).waitFor();
    e2e.session.simulator.scenario.remoteHangsUp(callId);

    // The provider records the missed call; the panel re-reads the history shortly after a call ends.
    const historyTab = panel.getByRole('tab', { name: 'History (1 new)' });
    await historyTab.waitFor({ timeout: 10_000 });
    await historyTab.click();
    await panel.getByRole('button', { name: /^Call back Dan Brown \+15550100104, missed/ }).waitFor();
    expect(
      e2e.session.simulator
        .history()
        .filter((h) => h.type === 'missed')
        .map((h) => h.name),
    ).toEqual(['Dan Brown']);

    // Looking at the Missed list clears the badge.
    await panel.getByRole('tab', { name: /^Missed/ }).click();
    await panel.getByRole('tab', { name: 'History', exact: true }).waitFor();
  });
});
