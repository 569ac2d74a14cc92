/**
 * Serialises the simulator's state into RingCentral JSON (docs/wire/ringcentral-and-bandwidth.md §A3,
 * §A4): CallSessionObject, CallParty and the telephony-session notification. Internal bookkeeping
 * (the per-party event counter) stays out of the party object and goes into the event's `sequence`.
 */
import type { SimMe, SimParty, SimSession } from './types';

export function wireParty(party: SimParty): Record<string, unknown> {
  const { sequence: _sequence, queueCall, ...rest } = party;
  return { ...rest, ...(queueCall ? { queueCall: true, attributes: { queueCall: true } } : {}) };
}

export function wireSession(session: SimSession): Record<string, unknown> {
  return {
    id: session.id,
    origin: session.origin,
    creationTime: session.creationTime,
    ...(session.voiceCallToken ? { voiceCallToken: session.voiceCallToken } : {}),
    parties: session.parties.map(wireParty),
  };
}

export const TELEPHONY_FILTER = '/restapi/v1.0/account/~/extension/~/telephony/sessions';

export function notificationBody(
  session: SimSession,
  party: SimParty,
  me: SimMe,
  subscriptionId: string,
  now: number,
  uuid: string,
): Record<string, unknown> {
  const time = new Date(now).toISOString();
  return {
    uuid,
    event: `/restapi/v1.0/account/${me.accountId}/extension/${me.extensionId}/telephony/sessions`,
    timestamp: time,
    subscriptionId,
    ownerId: me.extensionId,
    body: {
      sequence: party.sequence,
      sessionId: session.legacySessionId,
      telephonySessionId: session.id,
      serverId: 'sim.TAM',
      eventTime: time,
      origin: session.origin,
      parties: [wireParty(party)],
    },
  };
}
