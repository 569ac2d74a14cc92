import { afterEach, describe, expect, it } from 'vitest';
import { staticTokenSource } from '../../../../src/main/provider-api/token-source';
import { createWebexProvider } from '../../../../src/main/providers/webex';
import { startWebexSimulator, type WebexSimulator } from '../../../../src/main/simulator/webex';

let sim: WebexSimulator;
afterEach(() => sim?.close());

describe('the answer device chosen in settings', () => {
  it('rings and answers on that device when a command names none, and a command may still name its own', async () => {
    sim = await startWebexSimulator({ farEndAnswerMs: null });
    let chosen = '';
    const provider = createWebexProvider({
      baseUrl: sim.baseUrl,
      tokens: staticTokenSource(sim.token, 'Webex'),
      answerEndpointId: () => chosen,
    });
    const [desk, app] = await provider.answerEndpoints();
    expect(desk && app).toBeTruthy();

    chosen = app!.id;
    const { callId } = await provider.execute({ type: 'dial', destination: '1002' });
    await provider.execute({ type: 'answer', callId: callId! });
    const sent = sim.requests.filter((r) => r.method === 'POST').map((r) => r.body);
    expect(sent).toEqual([
      { destination: '1002', endpointId: app!.id },
      { callId, endpointId: app!.id },
    ]);

    await provider.execute({ type: 'dial', destination: '1003', endpointId: desk!.id });
    expect(sim.requests.at(-1)?.body).toEqual({ destination: '1003', endpointId: desk!.id });

    chosen = '';
    await provider.execute({ type: 'dial', destination: '1004' });
    expect(sim.requests.at(-1)?.body).toEqual({ destination: '1004' });
  });
});
