/**
 * Who-am-I and answer-endpoint routes (docs/wire/webex-calling.md §2 "Preferred answer endpoint", §6): GET /people/me
 * (the extension only with callingData=true), the "me" endpoint settings, each secondary line's own
 * answer endpoints, my endpoints with the secondary lines they carry, and the per-person
 * preferredAnswerEndpoint. No I/O here.
 */
import type { SimAccount } from './account';
import { endpointToWire, findEndpoint, findLine, myEndpointToWire, personOf } from './account';
import { SimRefusal } from './errors';
import type { ApiRoute } from './route-table';
import { NO_CONTENT, get, put } from './route-table';

export function accountRoutes(account: SimAccount): ApiRoute[] {
  const settings = '/telephony/config/people/me/settings';
  const perPerson = /^\/telephony\/config\/people\/(?<personId>[^/]+)\/preferredAnswerEndpoint$/;
  const endpoints = () => account.endpoints.map((e) => endpointToWire(account, e));
  const setPreferred = (id: unknown): void => {
    if (id === null || id === undefined) {
      account.preferredEndpointId = undefined;
      return;
    }
    if (typeof id !== 'string' || !findEndpoint(account, id))
      throw SimRefusal.invalid("The endpoint is not one of the user's answer endpoints");
    account.preferredEndpointId = id;
  };
  const secondaryLine =
    /^\/telephony\/config\/people\/me\/settings\/secondaryLines\/(?<lineOwnerId>[^/]+)\/(?<setting>availablePreferredAnswerEndpoints|preferredAnswerEndpoint)$/;
  const requireMe = (personId: string | undefined): void => {
    if (personId !== account.me.id && personId !== 'me') throw new SimRefusal(404, 'Person not found');
  };

  return [
    get('/people/me', (request) => ({ status: 200, body: personOf(account, request.query.callingData === 'true') })),
    get(`${settings}/availablePreferredAnswerEndpoints`, () => ({ status: 200, body: { endpoints: endpoints() } })),
    get(`${settings}/preferredAnswerEndpoint`, () => {
      const preferred = account.preferredEndpointId === undefined ? undefined : findEndpoint(account, account.preferredEndpointId);
      // Webex answers an empty body when no preferred endpoint is set.
      return preferred ? { status: 200, body: endpointToWire(account, preferred) } : { status: 200 };
    }),
    put(`${settings}/preferredAnswerEndpoint`, (request) => {
      setPreferred(request.body.id);
      return NO_CONTENT;
    }),
    get('/telephony/config/people/me/endpoints', () => ({
      status: 200,
      body: { endpoints: account.endpoints.map((e) => myEndpointToWire(account, e)) },
    })),
    get(secondaryLine, (request) => {
      const line = findLine(account, request.params.lineOwnerId ?? '');
      if (!line) throw new SimRefusal(404, 'Secondary line not found');
      const carrying = account.endpoints.filter((e) => line.endpointIds.includes(e.id));
      if (request.params.setting === 'availablePreferredAnswerEndpoints') {
        return { status: 200, body: { endpoints: carrying.map((e) => endpointToWire(account, e, line.preferredEndpointId)) } };
      }
      const preferred = carrying.find((e) => e.id === line.preferredEndpointId);
      return preferred ? { status: 200, body: endpointToWire(account, preferred, line.preferredEndpointId) } : { status: 200 };
    }),
    get(perPerson, (request) => {
      requireMe(request.params.personId);
      const body: { preferredAnswerEndpointId?: string; endpoints: { id: string; type: string; name: string }[] } = {
        endpoints: account.endpoints.map((e) => ({ id: e.id, type: e.type === 'CALLING_DEVICE' ? 'DEVICE' : 'APPLICATION', name: e.name })),
      };
      if (account.preferredEndpointId !== undefined) body.preferredAnswerEndpointId = account.preferredEndpointId;
      return { status: 200, body };
    }),
    put(perPerson, (request) => {
      requireMe(request.params.personId);
      setPreferred(request.body.preferredAnswerEndpointId);
      return NO_CONTENT;
    }),
  ];
}
