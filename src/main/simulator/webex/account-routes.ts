/**
 * Who-am-I and answer-endpoint routes (reference §2 "Preferred answer endpoint", §6): GET /people/me,
 * the "me" endpoint settings and the per-person preferredAnswerEndpoint. No I/O here.
 */
import type { SimAccount } from './account';
import { endpointToWire, findEndpoint, personOf } from './account';
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
    if (typeof id !== 'string' || !findEndpoint(account, id)) throw SimRefusal.invalid("The endpoint is not one of the user's answer endpoints");
    account.preferredEndpointId = id;
  };
  const requireMe = (personId: string | undefined): void => {
    if (personId !== account.me.id && personId !== 'me') throw new SimRefusal(404, 'Person not found');
  };

  return [
    get('/people/me', () => ({ status: 200, body: personOf(account) })),
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
    get('/telephony/config/people/me/endpoints', () => ({ status: 200, body: { endpoints: endpoints() } })),
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
