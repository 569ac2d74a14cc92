/**
 * The one interface every backend implements (Webex, RingCentral, Bandwidth). The core talks only to
 * this; wire shapes never leave a provider's folder. Must not import electron or the shell.
 */
import type { AnswerEndpoint, Account, Call, Conference, HistoryEntry, HistoryType, ProviderId } from '../../shared/domain';
import type { CallCommand, CommandOutcome, ConferenceCommand } from '../../shared/contract';

export interface CallSnapshot {
  calls: Call[];
  /** Every conference in progress, each with its own id (none, one, or several at once). */
  conferences: Conference[];
}

export interface Provider {
  readonly id: ProviderId;
  /** A full read of the user's active calls (and conferences, where the provider has them). */
  snapshot(signal?: AbortSignal): Promise<CallSnapshot>;
  /** Sends one command, already validated against the contract. Throws a ProviderError on refusal. */
  execute(command: CallCommand, signal?: AbortSignal): Promise<CommandOutcome>;
  /**
   * Sends one conference command, already validated against the contract (a merge names its calls or
   * leaves the choice to the provider; every other command names a conference by its id). Throws a
   * ProviderError on refusal, NOT_FOUND for a conference id it does not know, before sending anything.
   */
  executeConference(command: ConferenceCommand, signal?: AbortSignal): Promise<void>;
  history(type?: HistoryType): Promise<HistoryEntry[]>;
  account(): Promise<Account>;
  answerEndpoints(): Promise<AnswerEndpoint[]>;
}
