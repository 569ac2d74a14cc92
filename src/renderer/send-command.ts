/**
 * Sends one call command through the bridge and turns its answer into what the user sees: the call's
 * controls stay disabled while it travels, a failure becomes an error notice with the provider's
 * message, a park records where the call waits. Never throws: a broken bridge is a failed Result.
 */
import type { Bridge, CallCommand, CommandOutcome } from '../shared/contract';
import type { Result } from '../shared/result';
import { throughBridge } from './bridge-request';
import { addNotice, lastParkedAt, markInFlight } from './state';
import { partyTitle } from '../shared/party-text';

function commandCallId(command: CallCommand): string | undefined {
  return 'callId' in command ? command.callId : undefined;
}

export async function sendCommand(bridge: Bridge, command: CallCommand): Promise<Result<CommandOutcome>> {
  const callId = commandCallId(command);
  if (callId) markInFlight(callId, true);
  const result = await throughBridge(() => bridge.command(command));
  if (callId) markInFlight(callId, false);
  if (!result.ok) {
    addNotice('error', result.error.message, callId);
  } else if (command.type === 'park' && result.value.parkedAt) {
    const where = result.value.parkedAt;
    lastParkedAt.value = where;
    addNotice('info', `Parked at ${where.number || partyTitle(where)}`, callId);
  }
  return result;
}
