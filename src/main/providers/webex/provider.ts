/**
 * The Webex Calling Provider: reads the user's calls, history, account and answer endpoints, and turns
 * every CallCommand into the one Webex Call Controls request that carries it out. Destinations and
 * DTMF are re-validated here so a bad one never leaves the machine. Must not import electron; knows
 * nothing of polling, the call store or the UI.
 */
import type { CallCommand, CommandOutcome } from '../../../shared/contract';
import type { Account, AnswerEndpoint, Call, HistoryEntry, HistoryType } from '../../../shared/domain';
import { normalizeDestination, normalizeDtmf } from '../../../shared/dial-string';
import type { Result } from '../../../shared/result';
import type { CallSnapshot, Provider } from '../provider';
import { ProviderError } from '../provider-error';
import { actionsFor } from './actions';
import type { Via, WebexClient } from './client';
import { toAccount, toAnswerEndpoints, toCall, toHistoryEntry, toParty } from './mapping';

export interface WebexProviderOptions {
  /** The line to watch and command when a command names none (a user, workspace or virtual line id). */
  lineOwnerId?: string;
  /** The device to ring and answer on when a command names none (the user's choice in settings). */
  answerEndpointId?: () => string | undefined;
}

const ANSWERED = new Set(['connected', 'held', 'remoteHeld']);

/** Unwraps a validation Result or throws the BAD_INPUT it carries, before anything is sent. */
function valid(result: Result<string>): string {
  if (result.ok) return result.value;
  throw new ProviderError({ code: 'BAD_INPUT', message: result.error.message });
}

function optionalDestination(value: string | undefined): string | undefined {
  return value === undefined ? undefined : valid(normalizeDestination(value));
}

function outcomeOf(info: { callId: string } | undefined): CommandOutcome {
  return info ? { callId: info.callId } : {};
}

export class WebexProvider implements Provider {
  readonly id = 'webex' as const;

  constructor(
    private readonly client: WebexClient,
    private readonly options: WebexProviderOptions = {},
  ) {}

  private endpointFor(given: string | undefined): string | undefined {
    return given ?? (this.options.answerEndpointId?.() || undefined);
  }

  async snapshot(signal?: AbortSignal): Promise<CallSnapshot> {
    const line = this.options.lineOwnerId;
    const wire = await this.client.listCalls({ lineOwnerId: line, signal });
    const calls = wire.map((w) => toCall(w, line));
    return { calls: calls.map((call) => ({ ...call, actions: actionsFor(call, calls) })), conference: null };
  }

  async execute(command: CallCommand, signal?: AbortSignal): Promise<CommandOutcome> {
    const via: Via = { lineOwnerId: command.line ?? this.options.lineOwnerId, signal };
    const c = this.client;
    switch (command.type) {
      case 'dial': {
        const destination = valid(normalizeDestination(command.destination));
        return outcomeOf(await c.dial({ destination, endpointId: this.endpointFor(command.endpointId), ...via }));
      }
      case 'answer':
        await c.answer(command.callId, { endpointId: this.endpointFor(command.endpointId), ...via });
        return {};
      case 'decline':
        await c.reject(command.callId, command.reason, via);
        return {};
      case 'hangup':
        await c.hangup(command.callId, via);
        return {};
      case 'hold':
        await c.hold(command.callId, via);
        return {};
      case 'resume':
        await c.resume(command.callId, via);
        return {};
      case 'divert':
      case 'transfer': {
        // A blind transfer is Webex's divert; it works on answered and ringing calls alike.
        const destination = valid(normalizeDestination(command.destination));
        await c.divert({ callId: command.callId, destination, ...via });
        return {};
      }
      case 'toVoicemail': {
        const destination = optionalDestination(command.destination);
        await c.divert({ callId: command.callId, toVoicemail: true, destination, ...via });
        return {};
      }
      case 'attendedTransfer': {
        const [callId1, callId2] = await this.transferPair(command.callId, command.otherCallId, via);
        return outcomeOf(await c.transfer({ callId1, callId2, ...via }));
      }
      case 'muteTransfer': {
        const destination = valid(normalizeDestination(command.destination));
        return outcomeOf(await c.transfer({ callId1: command.callId, destination, ...via }));
      }
      case 'park': {
        const destination = optionalDestination(command.destination);
        const parkedAgainst = await c.park({ callId: command.callId, destination, isGroupPark: command.groupPark, ...via });
        return { parkedAt: toParty(parkedAgainst) };
      }
      case 'retrieve': {
        const destination = optionalDestination(command.destination);
        return outcomeOf(await c.retrieve({ destination, endpointId: this.endpointFor(command.endpointId), ...via }));
      }
      case 'pickup': {
        const target = optionalDestination(command.target);
        return outcomeOf(await c.pickup({ target, endpointId: this.endpointFor(command.endpointId), ...via }));
      }
      case 'bargeIn': {
        const target = valid(normalizeDestination(command.target));
        return outcomeOf(await c.bargeIn({ target, endpointId: this.endpointFor(command.endpointId), ...via }));
      }
      case 'push':
        await c.push(command.callId, via);
        return {};
      case 'dtmf': {
        const digits = valid(normalizeDtmf(command.digits));
        await c.transmitDtmf(command.callId, digits, via);
        return {};
      }
      case 'mute':
        await c.mute(command.callId, via);
        return {};
      case 'unmute':
        await c.unmute(command.callId, via);
        return {};
      case 'startRecording':
        await c.startRecording(command.callId, via);
        return {};
      case 'stopRecording':
        await c.stopRecording(command.callId, via);
        return {};
      case 'pauseRecording':
        await c.pauseRecording(command.callId, via);
        return {};
      case 'resumeRecording':
        await c.resumeRecording(command.callId, via);
        return {};
      default: {
        const unknown: never = command;
        throw new ProviderError({ code: 'BAD_INPUT', message: `Webex cannot do "${(unknown as { type: string }).type}".` });
      }
    }
  }

  async history(type?: HistoryType): Promise<HistoryEntry[]> {
    return (await this.client.history(type)).map(toHistoryEntry);
  }

  async account(): Promise<Account> {
    return toAccount(await this.client.me());
  }

  async answerEndpoints(): Promise<AnswerEndpoint[]> {
    const [available, preferred] = await Promise.all([this.client.availableAnswerEndpoints(), this.client.preferredAnswerEndpoint()]);
    return toAnswerEndpoints(available, preferred);
  }

  /**
   * Webex needs both calls of an attended transfer, or none when the user has exactly two. When the UI
   * names only one, the partner is the user's only other answered call on that line.
   */
  private async transferPair(callId: string | undefined, otherCallId: string | undefined, via: Via): Promise<[string?, string?]> {
    const named = [callId, otherCallId].filter((id): id is string => id !== undefined);
    if (named.length !== 1) return [named[0], named[1]];
    const [only] = named as [string];
    const calls: Call[] = (await this.client.listCalls(via)).map((w) => toCall(w));
    const partners = calls.filter((call) => call.id !== only && ANSWERED.has(call.state));
    if (partners.length === 1) return [only, (partners[0] as Call).id];
    if (partners.length === 0) {
      throw new ProviderError({ code: 'NOT_ALLOWED', message: 'There is no other answered call to transfer this call to.' });
    }
    throw new ProviderError({ code: 'BAD_INPUT', message: `Choose which call to transfer to: you have ${partners.length} other calls.` });
  }
}
