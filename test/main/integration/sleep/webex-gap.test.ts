/**
 * Sleep and network change with Webex (polled): the proofs of gap-proofs.ts on the real Webex provider
 * and the Webex simulator over loopback, the core polling at its default pace on the app's clock.
 */
import { createSwitchboardCore } from '../../../../src/main/core/switchboard-core';
import { staticTokenSource } from '../../../../src/main/provider-api/token-source';
import { createWebexProvider } from '../../../../src/main/providers/webex';
import { startWebexSimulator } from '../../../../src/main/simulator/webex';
import { defineGapProofs } from './gap-proofs';

defineGapProofs('Webex', async (machine) => {
  const sim = await startWebexSimulator({ farEndAnswerMs: null, parkRecallMs: 60_000 });
  const provider = createWebexProvider({ baseUrl: sim.baseUrl, tokens: staticTokenSource(sim.token, 'Webex'), fetch: machine.fetch });
  const core = createSwitchboardCore({ provider, timers: machine.app, providerName: 'Webex' });
  return {
    core,
    ring: (number) => sim.scenario.ringUser({ from: { number, callType: 'external' } }),
    callerHangsUp: (callId) => sim.scenario.remoteHangsUp(callId),
    healthy: 'polling',
    close: () => sim.close(),
  };
});
