/**
 * End to end, in Chromium through the browser preview running the Bandwidth demo: a call to the demo
 * number rings, the popup shows the caller, Answer answers it in the Catapult simulator, and Keypad,
 * Record, Stop recording and Hang up in the panel reach the simulator's call.
 */
import { describe, it } from 'vitest';
import { bandwidthPerTest, inSimulator, simCall } from './bandwidth-harness';

const e2e = bandwidthPerTest();
const CALLER = '+15550100101';

describe('a Bandwidth call in the browser preview', () => {
  it(
    'rings → popup shows the caller → Answer → Keypad, Record, Stop recording, Hang up reach the simulator',
    { timeout: 60_000 },
    async () => {
      const { simulator } = e2e.session;
      const panel = await e2e.session.open('panel');
      const popup = await e2e.session.open('popup');

      const callId = simulator.scenario.ringIn({ from: CALLER });
      await popup.getByRole('heading', { name: CALLER }).waitFor();
      await popup.getByRole('button', { name: 'Answer' }).click();
      await inSimulator(() => simCall(simulator, callId)?.state).toBe('active');

      const card = panel.getByRole('article', { name: CALLER });
      const button = (name: string) => card.getByRole('button', { name, exact: true });
      await button('Hang up').waitFor();

      await button('Keypad').click();
      await card.getByLabel('Tones to send').fill('12#');
      await button('Send tones').click();
      await inSimulator(() => simulator.dtmfLog()).toEqual([{ callId, dtmfOut: '12#' }]);

      await button('Record').click();
      await inSimulator(() => simCall(simulator, callId)?.recordingEnabled).toBe(true);
      await button('Stop recording').click();
      await inSimulator(() => simCall(simulator, callId)?.recordingEnabled).toBe(false);
      await button('Record').waitFor();

      await button('Hang up').click();
      await inSimulator(() => simCall(simulator, callId)?.state).toBe('completed');
      await card.waitFor({ state: 'detached' });
    },
  );
});
