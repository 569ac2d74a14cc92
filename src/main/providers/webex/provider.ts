/**
 * The Webex Calling Provider: reads the user's calls (and conference, when one can exist), history,
 * account and answer endpoints, and turns every CallCommand and ConferenceCommand into the one Webex
 * Call Controls or Conference Controls request that carries it out. Commands arrive parsed and
 * normalised at the boundary (src/shared/contract.ts), so destinations and DTMF are sent as they are.
 * Must not import electron; knows nothing of
 * polling, the call store or the UI.
 */
import type { CallCommand, CommandOutcome, ConferenceCommand } from '../../../shared/contract';
import { isAnswered } from '../../../shared/call-states';
import type { Account, AnswerEndpoint, Call, Conference, HistoryEntry, HistoryType } from '../../../shared/domain';
import type { CallSnapshot, Provider } from '../../provider-api/provider';
import { ProviderError } from '../../provider-api/provider-error';
import { actionsFor } from './actions';
import type { Via, WebexClient } from './client';
import { conferenceCallActionsFor, withConferenceActions } from './conference-actions';
import { toAccount, toAnswerEndpoints, toCall, toConference, toHistoryEntry, toParty } from './mapping';

export interface WebexProviderOptions {
  /** 'demo' when this Webex is the built-in simulator, so the UI can say so; otherwise 'webex'. */
  id?: 'webex' | 'demo';
  /** The line to watch and command when a command names none (a user, workspace or virtual line id). */
  lineOwnerId?: string;
  /** The device to ring and answer on when a command names none (the user's choice in settings). */
  answerEndpointId?: () => string | undefined;
}

function outcomeOf(info: { callId: string } | undefined): CommandOutcome {
  return info ? { callId: info.callId } : {};
}

export class WebexProvider implements Provider {
  readonly id: 'webex' | 'demo';
  /** The last read found a conference: keep reading it until it is gone. */
  private hadConference = false;
  /** My barge-in calls (a conference of one call), and whether a read has listed each yet. */
  private readonly bargeIns = new Map<string, boolean>();

  constructor(
    private readonly client: WebexClient,
    private readonly options: WebexProviderOptions = {},
  ) {
    this.id = options.id ?? 'webex';
  }

  private endpointFor(given: string | undefined): string | undefined {
    return given ?? (this.options.answerEndpointId?.() || undefined);
  }

  async snapshot(signal?: AbortSignal): Promise<CallSnapshot> {
    const line = this.options.lineOwnerId;
    const wire = await this.client.listCalls({ lineOwnerId: line, signal });
    const calls = wire.map((w) => toCall(w, line));
    // Idle polling must not double its requests: a conference needs two calls, a barge-in, or was just there.
    const conference = this.mayHaveConference(calls) ? toConference(await this.client.conferenceDetails({ lineOwnerId: line, signal }), calls) : null;
    this.hadConference = conference !== null;
    return {
      calls: calls.map((call) => ({ ...call, actions: [...actionsFor(call, calls), ...conferenceCallActionsFor(call, calls, conference)] })),
      conference: conference && withConferenceActions(conference, calls),
    };
  }

  private mayHaveConference(calls: readonly Call[]): boolean {
    const listed = new Set(calls.map((c) => c.id));
    for (const [callId, seen] of [...this.bargeIns]) {
      if (listed.has(callId)) this.bargeIns.set(callId, true);
      else if (seen) this.bargeIns.delete(callId);
    }
    return calls.length >= 2 || this.hadConference || calls.some((c) => this.bargeIns.has(c.id));
  }

  async execute(command: CallCommand, signal?: AbortSignal): Promise<CommandOutcome> {
    const via: Via = { lineOwnerId: command.line ?? this.options.lineOwnerId, signal };
    const c = this.client;
    switch (command.type) {
      case 'dial':
        return outcomeOf(await c.dial({ destination: command.destination, endpointId: this.endpointFor(command.endpointId), ...via }));
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
        await c.divert({ callId: command.callId, destination: command.destination, ...via });
        return {};
      }
      case 'toVoicemail': {
        await c.divert({ callId: command.callId, toVoicemail: true, destination: command.destination, ...via });
        return {};
      }
      case 'attendedTransfer': {
        const [callId1, callId2] = await this.transferPair(command.callId, command.otherCallId, via);
        return outcomeOf(await c.transfer({ callId1, callId2, ...via }));
      }
      case 'muteTransfer': {
        return outcomeOf(await c.transfer({ callId1: command.callId, destination: command.destination, ...via }));
      }
      case 'park': {
        const parkedAgainst = await c.park({ callId: command.callId, destination: command.destination, isGroupPark: command.groupPark, ...via });
        return { parkedAt: toParty(parkedAgainst) };
      }
      case 'retrieve': {
        return outcomeOf(await c.retrieve({ destination: command.destination, endpointId: this.endpointFor(command.endpointId), ...via }));
      }
      case 'pickup': {
        return outcomeOf(await c.pickup({ target: command.target, endpointId: this.endpointFor(command.endpointId), ...via }));
      }
      case 'bargeIn': {
        const info = await c.bargeIn({ target: command.target, endpointId: this.endpointFor(command.endpointId), ...via });
        // Once answered, Webex reports it as a conference (type bargeIn) although I have one call.
        this.bargeIns.set(info.callId, false);
        return outcomeOf(info);
      }
      case 'push':
        await c.push(command.callId, via);
        return {};
      case 'dtmf': {
        await c.transmitDtmf(command.callId, command.digits, via);
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

  async executeConference(command: ConferenceCommand, signal?: AbortSignal): Promise<void> {
    const via: Via = { lineOwnerId: command.line ?? this.options.lineOwnerId, signal };
    const c = this.client;
    switch (command.type) {
      case 'merge':
        await c.startConference(command.callIds ?? (await this.answeredCallIds(via)), via);
        return;
      case 'addParticipant':
        await c.addParticipant(command.callId, via);
        return;
      case 'muteHost':
        await c.muteConference(undefined, signal);
        return;
      case 'unmuteHost':
        await c.unmuteConference(undefined, signal);
        return;
      case 'muteParticipant':
        await c.muteConference(command.callId, signal);
        return;
      case 'unmuteParticipant':
        await c.unmuteConference(command.callId, signal);
        return;
      case 'deafen':
        await c.deafenParticipant(command.callId, signal);
        return;
      case 'undeafen':
        await c.undeafenParticipant(command.callId, signal);
        return;
      case 'holdConference':
        await c.holdConference(via);
        return;
      case 'resumeConference':
        await c.resumeConference(via);
        return;
      case 'release':
        await c.releaseConference(via);
        return;
      case 'leave': {
        // Webex's own advice for a three-way call: an attended transfer keeps the other two connected.
        const [callId1, callId2] = await this.leavePair(via);
        await c.transfer({ callId1, callId2, ...via });
        return;
      }
      default: {
        const unknown: never = command;
        throw new ProviderError({ code: 'BAD_INPUT', message: `Webex cannot do "${(unknown as { type: string }).type}" in a conference.` });
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

  /** A merge that names no calls joins all my answered calls. */
  private async answeredCallIds(via: Via): Promise<string[]> {
    const answered = (await this.client.listCalls(via)).map((w) => toCall(w)).filter(isAnswered);
    if (answered.length < 2) {
      throw new ProviderError({ code: 'NOT_ALLOWED', message: 'Merge needs at least two answered calls.' });
    }
    return answered.map((call) => call.id);
  }

  /** The two participants of the conference I am about to leave, read afresh. */
  private async leavePair(via: Via): Promise<[string, string]> {
    const conference: Conference | null = toConference(await this.client.conferenceDetails(via), []);
    if (!conference || conference.state === 'disconnected') {
      throw new ProviderError({ code: 'NOT_FOUND', message: 'There is no conference to leave: it may have ended.' });
    }
    const [first, second, ...more] = conference.participants;
    if (conference.type !== undefined || !first || !second || more.length > 0) {
      throw new ProviderError({
        code: 'NOT_ALLOWED',
        message: `Leaving keeps the others connected only in a three-way call; this conference has ${conference.participants.length} participants: release it instead.`,
      });
    }
    return [first.callId, second.callId];
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
    const partners = calls.filter((call) => call.id !== only && isAnswered(call));
    if (partners.length === 1) return [only, (partners[0] as Call).id];
    if (partners.length === 0) {
      throw new ProviderError({ code: 'NOT_ALLOWED', message: 'There is no other answered call to transfer this call to.' });
    }
    throw new ProviderError({ code: 'BAD_INPUT', message: `Choose which call to transfer to: you have ${partners.length} other calls.` });
  }
}
