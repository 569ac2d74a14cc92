/**
 * The simulated user's account: who "me" is (GET /people/me), the two answer endpoints (a desk phone
 * and the Webex App), the call park group and a few colleagues for the directory. Built once per
 * simulator; reset() does not change it. No call state here.
 */
import { randomUUID } from 'node:crypto';
import type { WireMeEndpoint, WirePerson } from './wire';
import { webexId } from './ids';
import type { SimMe, SimParty } from './types';

export interface SimEndpoint {
  id: string;
  type: 'CALLING_DEVICE' | 'APPLICATION';
  name: string;
}

export interface SimAccount {
  readonly me: Required<SimMe>;
  readonly orgId: string;
  readonly locationId: string;
  readonly endpoints: readonly SimEndpoint[];
  /** The endpoint a call is answered on when the command names none (the desk phone). */
  readonly primaryEndpoint: SimEndpoint;
  preferredEndpointId: string | undefined;
  /** Members of the user's call park group, tried in order for a group park. */
  readonly parkGroup: readonly SimParty[];
  /** Colleagues in the organisation (name, number, extension) so dialled numbers get names. */
  readonly colleagues: readonly { party: SimParty; extension: string }[];
}

export function createAccount(me: SimMe | undefined): SimAccount {
  const resolvedMe: Required<SimMe> = {
    id: me?.id ?? webexId('PEOPLE', randomUUID()),
    displayName: me?.displayName ?? 'Alex Morgan',
    email: me?.email ?? 'alex.morgan@example.com',
    number: me?.number ?? '+14085550100',
    extension: me?.extension ?? '1001',
  };
  const deskPhone: SimEndpoint = { id: webexId('DEVICE', randomUUID()), type: 'CALLING_DEVICE', name: 'Cisco 8865 (desk phone)' };
  const app: SimEndpoint = { id: webexId('APPLICATION', randomUUID()), type: 'APPLICATION', name: 'Webex App' };
  const colleague = (name: string, number: string, extension: string): { party: SimParty; extension: string } => ({
    party: { name, number, personId: webexId('PEOPLE', randomUUID()), privacyEnabled: false, callType: 'location' },
    extension,
  });
  return {
    me: resolvedMe,
    orgId: webexId('ORGANIZATION', randomUUID()),
    locationId: webexId('LOCATION', randomUUID()),
    endpoints: [deskPhone, app],
    primaryEndpoint: deskPhone,
    preferredEndpointId: deskPhone.id,
    parkGroup: [
      { name: 'Park 1', number: '1801', privacyEnabled: false, callType: 'location' },
      { name: 'Park 2', number: '1802', privacyEnabled: false, callType: 'location' },
      { name: 'Park 3', number: '1803', privacyEnabled: false, callType: 'location' },
    ],
    colleagues: [
      colleague('Jordan Lee', '+14085550102', '1002'),
      colleague('Sam Patel', '+14085550103', '1003'),
      colleague('Front Desk', '+14085550110', '1010'),
    ],
  };
}

export function meParty(account: SimAccount): SimParty {
  return { name: account.me.displayName, number: account.me.number, personId: account.me.id, privacyEnabled: false, callType: 'location' };
}

export function orgDomain(account: SimAccount): string | undefined {
  return account.me.email.split('@')[1];
}

export function personOf(account: SimAccount): WirePerson {
  const [firstName, ...rest] = account.me.displayName.split(' ');
  return {
    id: account.me.id,
    emails: [account.me.email],
    phoneNumbers: [{ type: 'work', value: account.me.number, primary: true }],
    extension: account.me.extension,
    locationId: account.locationId,
    displayName: account.me.displayName,
    nickName: firstName,
    firstName: firstName ?? account.me.displayName,
    lastName: rest.join(' '),
    orgId: account.orgId,
    created: '2024-01-15T09:00:00.000Z',
    status: 'active',
    type: 'person',
  };
}

export function endpointToWire(account: SimAccount, endpoint: SimEndpoint): WireMeEndpoint {
  return {
    id: endpoint.id,
    type: endpoint.type,
    name: endpoint.name,
    autoAndForcedAnswerEnabled: endpoint.type === 'CALLING_DEVICE',
    ownerId: account.me.id,
    ownerType: 'PEOPLE',
    isPreferredAnswerEndpoint: endpoint.id === account.preferredEndpointId,
  };
}

export function findEndpoint(account: SimAccount, endpointId: string): SimEndpoint | undefined {
  return account.endpoints.find((e) => e.id === endpointId);
}
