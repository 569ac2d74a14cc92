/**
 * Sends one conference command through the bridge and turns its answer into what the user sees: the
 * controls it concerns stay disabled while it travels (the calls it names, or the conference's own
 * controls), a failure becomes an error notice with the provider's message. Never throws: a broken
 * bridge is a failed Result.
 */
import type { Bridge, ConferenceCommand } from '../shared/contract';
import type { Result } from '../shared/result';
import { throughBridge } from './bridge-request';
import { addNotice, markConferenceInFlight, markInFlight } from './state';

/** The calls a command is about (merge, add, a participant control); none for the conference itself. */
function namedCalls(command: ConferenceCommand): string[] {
  if (command.type === 'merge') return command.callIds ?? [];
  return 'callId' in command ? [command.callId] : [];
}

export async function sendConferenceCommand(bridge: Bridge, command: ConferenceCommand): Promise<Result<null>> {
  const callIds = namedCalls(command);
  const hostLevel = callIds.length === 0;
  for (const callId of callIds) markInFlight(callId, true);
  if (hostLevel) markConferenceInFlight(true);
  const result = await throughBridge(() => bridge.conferenceCommand(command));
  for (const callId of callIds) markInFlight(callId, false);
  if (hostLevel) markConferenceInFlight(false);
  if (!result.ok) addNotice('error', result.error.message, callIds.length === 1 ? callIds[0] : undefined);
  return result;
}
