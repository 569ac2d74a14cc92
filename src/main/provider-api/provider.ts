/**
 * The one interface every backend implements (Webex, RingCentral, Bandwidth). The core talks only to
 * this; wire shapes never leave a provider's folder. Must not import electron or the shell.
 */
import type { AnswerEndpoint, Account, Call, Conference, HistoryEntry, HistoryType, ProviderId } from '../../shared/domain';
import type { CallCommand, CommandOutcome, ConferenceCommand } from '../../shared/contract';

export interface CallSnapshot {
  calls: Call[];
  conference: Conference | null;
}

export interface Provider {
  readonly id: ProviderId;
  /** A full read of the user's active calls (and conference, where the provider has one). */
  snapshot(signal?: AbortSignal): Promise<CallSnapshot>;
  /** Sends one command, already validated against the contract. Throws a ProviderError on refusal. */
  execute(command: CallCommand, signal?: AbortSignal): Promise<CommandOutcome>;
  /**
   * Sends one conference command, already validated against the contract (a merge names its calls or
   * leaves the choice to the provider). Throws a ProviderError on refusal.
   */
  executeConference(command: ConferenceCommand, signal?: AbortSignal): Promise<void>;
  history(type?: HistoryType): Promise<HistoryEntry[]>;
  account(): Promise<Account>;
  answerEndpoints(): Promise<AnswerEndpoint[]>;
}
