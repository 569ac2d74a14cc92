import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { availableEndpointsSchema, meEndpointSchema, personSchema } from '../../../../src/main/providers/webex/wire';
import type { WebexSimulator } from '../../../../src/main/simulator/webex';
import { api, startSim } from './sim-test-kit';

let sim: WebexSimulator;
beforeEach(async () => {
  sim = await startSim({ me: { displayName: 'Robin Reyes', email: 'robin@acme.test', number: '+12125550142', extension: '4142' } });
});
afterEach(async () => {
  await sim.close();
});

describe('who the user is', () => {
  it('answers GET /people/me with the configured person', async () => {
    const result = await api(sim, 'GET', '/people/me?callingData=true');
    expect(result.status).toBe(200);
    const person = personSchema.parse(result.body);
    expect(person).toMatchObject({
      displayName: 'Robin Reyes',
      emails: ['robin@acme.test'],
      extension: '4142',
      firstName: 'Robin',
      lastName: 'Reyes',
    });
    expect(person.phoneNumbers).toEqual([{ type: 'work', value: '+12125550142', primary: true }]);
    expect(Buffer.from(person.id, 'base64url').toString()).toMatch(/^ciscospark:\/\/us\/PEOPLE\//);
  });
});

describe('answer endpoints', () => {
  it('lists a desk phone and the Webex App, with ids that are ciscospark ids', async () => {
    const result = await api(sim, 'GET', '/telephony/config/people/me/settings/availablePreferredAnswerEndpoints');
    const { endpoints } = availableEndpointsSchema.parse(result.body);
    expect(endpoints.map((e) => e.type)).toEqual(['CALLING_DEVICE', 'APPLICATION']);
    expect(endpoints.map((e) => Buffer.from(e.id, 'base64url').toString())).toEqual([
      expect.stringMatching(/^ciscospark:\/\/us\/DEVICE\//),
      expect.stringMatching(/^ciscospark:\/\/us\/APPLICATION\//),
    ]);
    expect(endpoints.filter((e) => e.isPreferredAnswerEndpoint)).toHaveLength(1);
  });

  it('reports and changes the preferred endpoint', async () => {
    const { endpoints } = availableEndpointsSchema.parse(
      (await api(sim, 'GET', '/telephony/config/people/me/settings/availablePreferredAnswerEndpoints')).body,
    );
    const preferred = meEndpointSchema.parse((await api(sim, 'GET', '/telephony/config/people/me/settings/preferredAnswerEndpoint')).body);
    expect(preferred.id).toBe(endpoints[0]?.id);
    expect((await api(sim, 'PUT', '/telephony/config/people/me/settings/preferredAnswerEndpoint', { id: endpoints[1]?.id })).status).toBe(
      204,
    );
    expect(meEndpointSchema.parse((await api(sim, 'GET', '/telephony/config/people/me/settings/preferredAnswerEndpoint')).body).id).toBe(
      endpoints[1]?.id,
    );
    expect((await api(sim, 'PUT', '/telephony/config/people/me/settings/preferredAnswerEndpoint', { id: 'nope' })).status).toBe(400);
    expect((await api(sim, 'PUT', '/telephony/config/people/me/settings/preferredAnswerEndpoint', { id: null })).status).toBe(204);
    const none = await api(sim, 'GET', '/telephony/config/people/me/settings/preferredAnswerEndpoint');
    expect(none).toMatchObject({ status: 200, body: undefined });
  });

  it('answers the per-person form for the user', async () => {
    const me = personSchema.parse((await api(sim, 'GET', '/people/me')).body);
    const result = await api(sim, 'GET', `/telephony/config/people/${me.id}/preferredAnswerEndpoint`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      preferredAnswerEndpointId: expect.any(String),
      endpoints: [{ type: 'DEVICE' }, { type: 'APPLICATION' }],
    });
    expect((await api(sim, 'GET', '/telephony/config/people/someone-else/preferredAnswerEndpoint')).status).toBe(404);
  });
});
