/**
 * Sends one conference command through the bridge and turns its answer into what the user sees: the
 * controls it concerns stay disabled while it travels (the calls it names, or the named conference's
 * own controls), a failure becomes an error notice with the provider's message. Never throws: a broken
 * bridge is a failed Result.
 */
import type { Bridge, ConferenceCommand } from '../shared/contract';
import type { Result } from '../shared/result';
import { throughBridge } from './bridge-request';
import { addNotice, markConferenceInFlight, markInFlight } from './state';

/** The calls a command is about (merge, add, a participant control); none for the conference itself. */
function namedCalls(command: ConferenceCommand): string[] {
  if (command.type === 'merge') return command.callIds ?? [];
  if (command.type === 'bridge') return [...command.callIds];
  return 'callId' in command && command.callId !== undefined ? [command.callId] : [];
}

export async function sendConferenceCommand(bridge: Bridge, command: ConferenceCommand): Promise<Result<null>> {
  const callIds = namedCalls(command);
  const hostOf = callIds.length === 0 && 'conferenceId' in command ? command.conferenceId : undefined;
  for (const callId of callIds) markInFlight(callId, true);
  if (hostOf !== undefined) markConferenceInFlight(hostOf, true);
  const result = await throughBridge(() => bridge.conferenceCommand(command));
  for (const callId of callIds) markInFlight(callId, false);
  if (hostOf !== undefined) markConferenceInFlight(hostOf, false);
  if (!result.ok) addNotice('error', result.error.message, callIds.length === 1 ? callIds[0] : undefined);
  return result;
}
