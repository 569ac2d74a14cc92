/**
 * The Bandwidth Catapult v1 backend behind the Provider interface (src/main/provider-api/provider.ts),
 * for one of the user's numbers. Polled: a snapshot is ONE list request (newest first, one page), kept
 * to the calls of this number that have not ended, because Catapult offers no push channel without a
 * public callback URL (docs/wire/ringcentral-and-bandwidth.md §B4). Commands Catapult has no
 * equivalent for (hold, mute, park, …) are refused with a clear message before anything is sent.
 * Conferences are not mapped yet: executeConference refuses.
 */
import type { Account, AnswerEndpoint, HistoryEntry, HistoryType } from '../../../shared/domain';
import type { CallCommand, CommandOutcome, ConferenceCommand } from '../../../shared/contract';
import type { CallSnapshot, Provider } from '../../provider-api/provider';
import { ProviderError } from '../../provider-api/provider-error';
import { actionsFor } from './actions';
import type { BandwidthClient } from './client';
import { isEnded, toCall, toHistoryEntry } from './mapping';
import type { WireCall } from './wire';

export interface BandwidthProviderOptions {
  client: BandwidthClient;
  userId: string;
  /** The user's Bandwidth number (E.164) that Switchboard places and watches calls on. */
  number: string;
  /** Calls read per snapshot: one page, newest first (default 100; Catapult allows up to 1000). */
  pageSize?: number;
}

/** People type numbers with spaces and dashes, and SIP addresses without the scheme. */
export function toCatapultDestination(input: string): string {
  const text = input.trim();
  if (/^sips?:/i.test(text)) return text.replace(/^sips:/i, 'sip:');
  if (text.includes('@')) return `sip:${text}`;
  const lower = text.toLowerCase();
  const bare = lower.startsWith('tel:') ? text.slice(4) : text;
  return bare.replace(/[\s().\-\u00a0]/g, '');
}

const NOT_ON_BANDWIDTH: Partial<Record<CallCommand['type'], string>> = {
  hold: 'Bandwidth calls cannot be put on hold.',
  resume: 'Bandwidth calls cannot be put on hold.',
  mute: 'Bandwidth calls cannot be muted from here.',
  unmute: 'Bandwidth calls cannot be muted from here.',
  divert: 'Bandwidth cannot divert a ringing call: answer it and transfer it.',
  toVoicemail: 'Bandwidth has no voicemail to send calls to.',
  attendedTransfer: 'Attended transfer is not available for Bandwidth yet.',
  muteTransfer: 'Mute transfer is not available for Bandwidth.',
  park: 'Bandwidth has no call park.',
  retrieve: 'Bandwidth has no call park.',
  pickup: 'Bandwidth has no call pickup.',
  bargeIn: 'Bandwidth has no barge-in.',
  push: 'Bandwidth has no executive push.',
  pauseRecording: 'Bandwidth recordings cannot be paused: stop and start again.',
  resumeRecording: 'Bandwidth recordings cannot be paused: stop and start again.',
};

export class BandwidthProvider implements Provider {
  readonly id = 'bandwidth' as const;

  constructor(private readonly options: BandwidthProviderOptions) {}

  async snapshot(signal?: AbortSignal): Promise<CallSnapshot> {
    const wires = await this.recentCalls(signal);
    const calls = wires
      .filter((w) => !isEnded(w) && this.onMyNumber(w))
      .map((w) => {
        const call = toCall(w, this.options.number);
        return { ...call, actions: actionsFor(call) };
      });
    return { calls, conferences: [] };
  }

  async execute(command: CallCommand, signal?: AbortSignal): Promise<CommandOutcome> {
    const { client } = this.options;
    switch (command.type) {
      case 'dial':
        return { callId: await client.createCall({ from: this.options.number, to: toCatapultDestination(command.destination) }, signal) };
      case 'answer':
        await client.answer(command.callId, signal);
        return {};
      case 'decline':
        await client.reject(command.callId, signal);
        return {};
      case 'hangup':
        await client.hangUp(command.callId, signal);
        return {};
      case 'transfer': {
        const leg = await client.transfer(command.callId, { to: toCatapultDestination(command.destination) }, signal);
        return leg ? { callId: leg } : {};
      }
      case 'dtmf':
        await client.sendDtmf(command.callId, command.digits, signal);
        return {};
      case 'startRecording':
        await client.setRecording(command.callId, true, signal);
        return {};
      case 'stopRecording':
        await client.setRecording(command.callId, false, signal);
        return {};
      default:
        throw new ProviderError({ code: 'NOT_ALLOWED', message: NOT_ON_BANDWIDTH[command.type] ?? 'Bandwidth cannot do that.' });
    }
  }

  async executeConference(_command: ConferenceCommand): Promise<void> {
    throw new ProviderError({ code: 'NOT_ALLOWED', message: 'Conferences are not available for Bandwidth yet.' });
  }

  async history(type?: HistoryType): Promise<HistoryEntry[]> {
    const wires = await this.recentCalls();
    return wires
      .filter((w) => this.onMyNumber(w))
      .map(toHistoryEntry)
      .filter((e): e is HistoryEntry => e !== undefined && (type === undefined || e.type === type));
  }

  async account(): Promise<Account> {
    return {
      provider: 'bandwidth',
      personId: this.options.userId,
      displayName: `Bandwidth ${this.options.number}`,
      primaryNumber: this.options.number,
    };
  }

  /** Catapult v1 answers on the number itself: there is no device to choose. */
  async answerEndpoints(): Promise<AnswerEndpoint[]> {
    return [];
  }

  private recentCalls(signal?: AbortSignal): Promise<WireCall[]> {
    return this.options.client.listCalls({ size: this.options.pageSize ?? 100, sortOrder: 'desc' }, { maxPages: 1, signal });
  }

  private onMyNumber(wire: WireCall): boolean {
    return (wire.direction === 'in' ? wire.to : wire.from) === this.options.number;
  }
}
