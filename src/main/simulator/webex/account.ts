/**
 * The simulated user's account: who "me" is (GET /people/me), the two answer endpoints (a desk phone
 * and the Webex App), the secondary lines the desk phone carries (when the options give any), the call
 * park group and a few colleagues for the directory. Built once per simulator; reset() does not change
 * it, but an administrator may add or remove a secondary line later (scenario addLine/removeLine). No
 * call state here.
 */
import { randomUUID } from 'node:crypto';
import type { WireMeEndpoint, WirePerson } from './wire';
import { SimRefusal } from './errors';
import { webexId } from './ids';
import type { SimLineInit, SimMe, SimParty } from './types';

export interface SimEndpoint {
  id: string;
  type: 'CALLING_DEVICE' | 'APPLICATION';
  name: string;
}

/** A secondary line: another owner's line (a virtual line, a colleague's, a workspace's) on my devices. */
export interface SimLine {
  /** The lineOwnerId commands name. */
  readonly id: string;
  readonly memberType: 'VIRTUAL_LINE' | 'PEOPLE' | 'PLACE';
  /** The endpoints that carry the line (the desk phone only, so its answer list differs from mine). */
  readonly endpointIds: readonly string[];
  preferredEndpointId: string | undefined;
}

export interface SimAccount {
  readonly me: Required<SimMe>;
  readonly orgId: string;
  readonly locationId: string;
  readonly endpoints: readonly SimEndpoint[];
  /** The endpoint a call is answered on when the command names none (the desk phone). */
  readonly primaryEndpoint: SimEndpoint;
  preferredEndpointId: string | undefined;
  /** Changed only by addLine/removeLine (an administrator assigning or taking back a line). */
  lines: SimLine[];
  /** Members of the user's call park group, tried in order for a group park. */
  readonly parkGroup: readonly SimParty[];
  /** Colleagues in the organisation (name, number, extension) so dialled numbers get names. */
  readonly colleagues: readonly { party: SimParty; extension: string }[];
}

export function createAccount(me: SimMe | undefined, lines: readonly SimLineInit[] = []): SimAccount {
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
    lines: lines.map((line) => newLine(line, deskPhone)),
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

/** A secondary line on the desk phone; the id is made up when the init gives none. */
export function newLine(init: SimLineInit, deskPhone: SimEndpoint): SimLine {
  const memberType = init.memberType ?? 'VIRTUAL_LINE';
  return { id: init.id ?? webexId(memberType, randomUUID()), memberType, endpointIds: [deskPhone.id], preferredEndpointId: undefined };
}

export function meParty(account: SimAccount): SimParty {
  return { name: account.me.displayName, number: account.me.number, personId: account.me.id, privacyEnabled: false, callType: 'location' };
}

export function orgDomain(account: SimAccount): string | undefined {
  return account.me.email.split('@')[1];
}

/** GET /people/me; the extension is calling data, given only with callingData=true. */
export function personOf(account: SimAccount, callingData: boolean): WirePerson {
  const [firstName, ...rest] = account.me.displayName.split(' ');
  const person: WirePerson = {
    id: account.me.id,
    emails: [account.me.email],
    phoneNumbers: [{ type: 'work', value: account.me.number, primary: true }],
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
  if (callingData) person.extension = account.me.extension;
  return person;
}

/** An endpoint as my answer list shows it; `preferredId` is the preferred one of the list (mine or a line's). */
export function endpointToWire(
  account: SimAccount,
  endpoint: SimEndpoint,
  preferredId: string | undefined = account.preferredEndpointId,
): WireMeEndpoint {
  return {
    id: endpoint.id,
    type: endpoint.type,
    name: endpoint.name,
    autoAndForcedAnswerEnabled: endpoint.type === 'CALLING_DEVICE',
    ownerId: account.me.id,
    ownerType: 'PEOPLE',
    isPreferredAnswerEndpoint: endpoint.id === preferredId,
  };
}

/** An endpoint as GET /telephony/config/people/me/endpoints lists it: with the secondary lines it carries. */
export function myEndpointToWire(account: SimAccount, endpoint: SimEndpoint): WireMeEndpoint {
  const wire = endpointToWire(account, endpoint);
  delete wire.isPreferredAnswerEndpoint;
  const carried = account.lines.filter((line) => line.endpointIds.includes(endpoint.id));
  if (carried.length > 0) wire.secondaryLines = carried.map((line) => ({ id: line.id, memberType: line.memberType }));
  return wire;
}

export function findLine(account: SimAccount, lineOwnerId: string): SimLine | undefined {
  return account.lines.find((line) => line.id === lineOwnerId);
}

/** The line a command names (undefined: my own); an id that is not one of my lines is refused. */
export function requireLine(account: SimAccount, lineOwnerId: string | undefined): SimLine | undefined {
  if (lineOwnerId === undefined) return undefined;
  const line = findLine(account, lineOwnerId);
  if (!line) throw SimRefusal.invalid(`lineOwnerId ${lineOwnerId} is not a line on the user's devices`);
  return line;
}

export function findEndpoint(account: SimAccount, endpointId: string): SimEndpoint | undefined {
  return account.endpoints.find((e) => e.id === endpointId);
}
