/**
 * The Bandwidth provider as the runtime builds it: before the user has signed in there are no
 * credentials, and they may change with a new sign-in, so this reads them from the account's
 * TokenSource (credentials-token.ts) at every call and builds the backend (assemble.ts) for them —
 * anew only when they change. Without a number it says where to set one. Must not import a simulator,
 * core or runtime.
 */
import type { Account, AnswerEndpoint, CallTimelineEvent, HistoryEntry, HistoryType, Recording } from '../../../shared/domain';
import type { CallCommand, CommandOutcome, ConferenceCommand } from '../../../shared/contract';
import type { CallSnapshot, Provider } from '../../provider-api/provider';
import { ProviderError } from '../../provider-api/provider-error';
import type { TokenSource } from '../../provider-api/token-source';
import { type BandwidthBackend, type BandwidthBackendOptions, createBandwidthBackend } from './assemble';
import { decodeCredentials } from './credentials-token';

export interface SignedInProviderOptions extends Omit<BandwidthBackendOptions, 'credentials' | 'number'> {
  tokens: TokenSource;
  /** The number from settings or the environment; the demo's credentials name their own. */
  number: () => string;
}

export class SignedInBandwidthProvider implements Provider {
  readonly id = 'bandwidth' as const;
  private backend?: { key: string; value: BandwidthBackend };

  constructor(private readonly options: SignedInProviderOptions) {}

  /** The backend for the credentials signed in now (tests and the bench read its gate). */
  async current(): Promise<BandwidthBackend> {
    const { tokens, number: configured, ...rest } = this.options;
    const credentials = decodeCredentials(await tokens.accessToken());
    const number = credentials.number ?? configured().trim();
    if (!number)
      throw new ProviderError({ code: 'AUTH', message: 'Name your Bandwidth number in Settings (international form, e.g. +19195551212).' });
    const key = JSON.stringify([credentials.userId, credentials.apiToken, credentials.apiSecret, number]);
    if (this.backend?.key !== key) {
      const { userId, apiToken, apiSecret } = credentials;
      this.backend = { key, value: createBandwidthBackend({ ...rest, credentials: { userId, apiToken, apiSecret }, number }) };
    }
    return this.backend.value;
  }

  async snapshot(signal?: AbortSignal): Promise<CallSnapshot> {
    return (await this.current()).provider.snapshot(signal);
  }

  async execute(command: CallCommand, signal?: AbortSignal): Promise<CommandOutcome> {
    return (await this.current()).provider.execute(command, signal);
  }

  async executeConference(command: ConferenceCommand, signal?: AbortSignal): Promise<void> {
    return (await this.current()).provider.executeConference(command, signal);
  }

  async history(type?: HistoryType): Promise<HistoryEntry[]> {
    return (await this.current()).provider.history(type);
  }

  async account(): Promise<Account> {
    return (await this.current()).provider.account();
  }

  async answerEndpoints(): Promise<AnswerEndpoint[]> {
    return [];
  }

  async recordings(callId: string): Promise<Recording[]> {
    return (await this.current()).provider.recordings(callId);
  }

  async requestTranscription(recordingId: string): Promise<void> {
    return (await this.current()).provider.requestTranscription(recordingId);
  }

  async timeline(callId: string): Promise<CallTimelineEvent[]> {
    return (await this.current()).provider.timeline(callId);
  }
}
