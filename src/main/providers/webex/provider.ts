/**
 * The Webex Calling Provider: reads the user's calls (and the line's conference, when one can exist:
 * Webex has at most one per line, its id derived from the line by conference-id.ts), history,
 * account and answer endpoints, and turns every CallCommand and ConferenceCommand into the one Webex
 * Call Controls or Conference Controls request that carries it out. With no line fixed in the options it
 * watches the user's own line and every secondary line on their devices. Commands arrive parsed and
 * normalised at the boundary (src/shared/contract.ts), so destinations and DTMF are sent as they are.
 * My secondary lines are read again every few minutes (and at once when Webex refuses one as no longer
 * mine), so a line an administrator adds or removes shows without a restart.
 * Must not import electron; knows nothing of polling, the call store or the UI.
 */
import type { CallCommand, CommandOutcome, ConferenceCommand } from '../../../shared/contract';
import { actionLabel } from '../../../shared/action-labels';
import { isAnswered } from '../../../shared/call-states';
import type { Account, AnswerEndpoint, Call, Conference, HistoryEntry, HistoryType, Line } from '../../../shared/domain';
import type { CallSnapshot, Provider } from '../../provider-api/provider';
import { ProviderError } from '../../provider-api/provider-error';
import { actionsFor } from './actions';
import type { Via, WebexClient } from './client';
import { conferenceCallActionsFor, withConferenceActions } from './conference-actions';
import { conferenceIdFor, lineOfConference } from './conference-id';
import { SILENT_LOG, type WebexLog } from './list-items';
import { directionOf, stateOf, toAccount, toAnswerEndpoints, toCall, toConference, toHistoryEntry, toLines, toParty } from './mapping';
import type { WireCall, WireSecondaryLine } from './wire';

export interface WebexProviderOptions {
  /**
   * Watch and command only this line (a user, workspace or virtual line id) when a command names none.
   * Without it the provider watches my own line and every secondary line on my devices.
   */
  lineOwnerId?: string;
  /** The device to ring and answer on when a command names none (the user's choice in settings). */
  answerEndpointId?: () => string | undefined;
  /** Where calls or values Webex sent that this release cannot read are reported (default: nowhere). */
  log?: WebexLog;
  /**
   * How long a read of my secondary lines is trusted (default 5 minutes): one request that often keeps a
   * line added or removed later in view without costing every poll.
   */
  linesRefreshMs?: number;
  /** The clock that ages that read (default Date.now). */
  now?: () => number;
}

/** A failed re-read of my lines keeps the lines known before and tries again after this. */
const LINES_RETRY_MS = 60_000;
const DEFAULT_LINES_REFRESH_MS = 5 * 60_000;

/** One read of my secondary lines (shared by whoever asks while it runs) and when the next is due. */
interface LinesRead {
  lines: Promise<WireSecondaryLine[]>;
  dueAt: number;
  /** The signal of the read that started it: once aborted, nobody else may wait on it. */
  signal?: AbortSignal;
}

function numberOf(account: Account): Pick<Line, 'number' | 'extension'> {
  const numbers: Pick<Line, 'number' | 'extension'> = {};
  if (account.primaryNumber) numbers.number = account.primaryNumber;
  if (account.extension) numbers.extension = account.extension;
  return numbers;
}

function outcomeOf(info: { callId: string } | undefined): CommandOutcome {
  return info ? { callId: info.callId } : {};
}

/** The key of a line in per-line bookkeeping: '' for my own. */
const keyOf = (line: string | undefined): string => line ?? '';

export class WebexProvider implements Provider {
  readonly id = 'webex' as const;
  /** The lines (keyOf) whose last read found a conference: keep reading it there until it is gone. */
  private readonly hadConference = new Set<string>();
  /** My barge-in calls (a conference of one call), and whether a read has listed each yet. */
  private readonly bargeIns = new Map<string, boolean>();
  /** My secondary lines: the last read, re-read when due, by account() or lines(), or when Webex refuses one. */
  private linesRead: LinesRead | undefined;
  /** The lines the last successful read found (what a conference command may name). */
  private knownLines: WireSecondaryLine[] | undefined;
  /** The lines the last snapshot watched, to tell the core when they change. */
  private lastWatched: string | undefined;
  private warnedNoLines = false;
  /** Unknown states and personalities already reported, so a poll does not repeat the warning. */
  private readonly reported = new Set<string>();
  private readonly log: WebexLog;

  constructor(
    private readonly client: WebexClient,
    private readonly options: WebexProviderOptions = {},
  ) {
    this.log = options.log ?? SILENT_LOG;
  }

  /**
   * The endpoint a command names, else the user's choice from settings. That choice comes from the
   * default line's answer list (answerEndpoints()), so on another line it is left to Webex: a device
   * chosen for my line may not carry that one.
   */
  private endpointFor(given: string | undefined, via: Via): string | undefined {
    if (given !== undefined) return given;
    if ((via.lineOwnerId ?? '') !== (this.options.lineOwnerId ?? '')) return undefined;
    return this.options.answerEndpointId?.() || undefined;
  }

  async snapshot(signal?: AbortSignal): Promise<CallSnapshot> {
    let lines = await this.watchedLines(signal);
    let perLine: Call[][];
    try {
      perLine = await this.callsOn(lines, signal);
    } catch (error) {
      if (!this.mayBeLineGone(error, lines, signal)) throw error;
      // A secondary line taken off my devices is refused by name: look at my lines again at once.
      this.readLines(signal);
      lines = await this.watchedLines(signal);
      perLine = await this.callsOn(lines, signal);
    }
    const watched = lines.map(keyOf).join('\n');
    // The account's lines (the Line picker) were read before this change: the core reads the account again.
    const accountChanged = this.lastWatched !== undefined && this.lastWatched !== watched;
    this.lastWatched = watched;
    const calls = perLine.flat();
    this.forgetEndedBargeIns(calls);
    // Webex keeps at most one conference per line: each line's calls see only their line's conference.
    const withActions: Call[] = [];
    const conferences: Conference[] = [];
    for (const [index, line] of lines.entries()) {
      const onLine = perLine[index] ?? [];
      let conference: Conference | null = null;
      // Idle polling must not double its requests: a conference needs two calls, a barge-in, or was just there.
      if (this.mayHaveConference(line, onLine)) {
        conference = toConference(await this.client.conferenceDetails({ lineOwnerId: line, signal }), onLine, conferenceIdFor(line));
        if (conference) this.hadConference.add(keyOf(line));
        else this.hadConference.delete(keyOf(line));
      }
      for (const call of onLine)
        withActions.push({ ...call, actions: [...actionsFor(call, onLine), ...conferenceCallActionsFor(call, onLine, conference)] });
      if (conference) conferences.push(withConferenceActions(conference, onLine));
    }
    return accountChanged ? { calls: withActions, conferences, accountChanged } : { calls: withActions, conferences };
  }

  private callsOn(lines: readonly (string | undefined)[], signal: AbortSignal | undefined): Promise<Call[][]> {
    return Promise.all(
      lines.map(async (line) => (await this.client.listCalls({ lineOwnerId: line, signal })).map((w) => toCall(this.noted(w), line))),
    );
  }

  /** A refusal (not a passing failure) while I watch a secondary line may mean the line is no longer mine. */
  private mayBeLineGone(error: unknown, lines: readonly (string | undefined)[], signal: AbortSignal | undefined): boolean {
    if (signal?.aborted || this.options.lineOwnerId || lines.length < 2) return false;
    return error instanceof ProviderError && !error.retryable && error.code !== 'AUTH';
  }

  /** My own line (undefined) and each secondary line, or only the line the options fix. */
  private async watchedLines(signal?: AbortSignal): Promise<(string | undefined)[]> {
    if (this.options.lineOwnerId) return [this.options.lineOwnerId];
    // A read started by a snapshot that was dropped (a restart after sleep aborts it) fails with that
    // abort: a fresh snapshot must not share it, or it fails too.
    const current = this.linesRead;
    const read = current && this.now() < current.dueAt && !current.signal?.aborted ? current : this.readLines(signal);
    return [undefined, ...(await read.lines).map((line) => line.id)];
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /**
   * Reads my secondary lines afresh; whoever asks meanwhile shares the read. When Webex will not list
   * them (no telephony_config_read scope, or no such setting), calls on my own line still show: that is
   * reported once. A failure that may pass (network, sign-in) keeps the lines known before and tries
   * again a minute later; with none known yet it fails this read and the next tries again, so a
   * secondary line's calls never vanish for one poll.
   */
  private readLines(signal?: AbortSignal): LinesRead {
    const known = this.knownLines;
    const read: LinesRead = {
      dueAt: this.now() + (this.options.linesRefreshMs ?? DEFAULT_LINES_REFRESH_MS),
      lines: Promise.resolve([]),
      ...(signal ? { signal } : {}),
    };
    read.lines = (async () => {
      try {
        const lines = await this.client.secondaryLines(signal);
        this.knownLines = lines;
        return lines;
      } catch (error) {
        if (signal?.aborted || !(error instanceof ProviderError) || error.retryable || error.code === 'AUTH') {
          if (known === undefined || signal?.aborted) {
            if (this.linesRead === read) this.linesRead = undefined;
            throw error;
          }
          read.dueAt = this.now() + LINES_RETRY_MS;
          return known;
        }
        if (!this.warnedNoLines) {
          this.warnedNoLines = true;
          this.log.warn(`Webex did not list your secondary lines (${error.message}): only calls on your own line are shown.`);
        }
        this.knownLines = [];
        return [];
      }
    })();
    this.linesRead = read;
    return read;
  }

  /** Reports, once each, a call state or personality Webex sent that this release does not know. */
  private noted(wire: WireCall): WireCall {
    const unknown: string[] = [];
    if (stateOf(wire.state) === 'unknown') unknown.push(`state "${wire.state ?? '(none)'}"`);
    if (directionOf(wire.personality) === 'unknown') unknown.push(`personality "${wire.personality ?? '(none)'}"`);
    for (const what of unknown) {
      if (this.reported.has(what)) continue;
      this.reported.add(what);
      this.log.warn(`Webex sent a call with ${what}, which Switchboard does not know: the call is shown with only hang up.`);
    }
    return wire;
  }

  private forgetEndedBargeIns(calls: readonly Call[]): void {
    const listed = new Set(calls.map((c) => c.id));
    for (const [callId, seen] of [...this.bargeIns]) {
      if (listed.has(callId)) this.bargeIns.set(callId, true);
      else if (seen) this.bargeIns.delete(callId);
    }
  }

  private mayHaveConference(line: string | undefined, calls: readonly Call[]): boolean {
    const may = calls.length >= 2 || this.hadConference.has(keyOf(line)) || calls.some((c) => this.bargeIns.has(c.id));
    if (!may) this.hadConference.delete(keyOf(line));
    return may;
  }

  async execute(command: CallCommand, signal?: AbortSignal): Promise<CommandOutcome> {
    const via: Via = { lineOwnerId: command.line ?? this.options.lineOwnerId, signal };
    const c = this.client;
    switch (command.type) {
      case 'dial':
        return outcomeOf(await c.dial({ destination: command.destination, endpointId: this.endpointFor(command.endpointId, via), ...via }));
      case 'answer':
        await c.answer(command.callId, { endpointId: this.endpointFor(command.endpointId, via), ...via });
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
        const parkedAgainst = await c.park({
          callId: command.callId,
          destination: command.destination,
          isGroupPark: command.groupPark,
          ...via,
        });
        return { parkedAt: toParty(parkedAgainst) };
      }
      case 'retrieve': {
        return outcomeOf(
          await c.retrieve({ destination: command.destination, endpointId: this.endpointFor(command.endpointId, via), ...via }),
        );
      }
      case 'pickup': {
        return outcomeOf(await c.pickup({ target: command.target, endpointId: this.endpointFor(command.endpointId, via), ...via }));
      }
      case 'bargeIn': {
        const info = await c.bargeIn({ target: command.target, endpointId: this.endpointFor(command.endpointId, via), ...via });
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
      case 'reply':
      case 'ignore':
      case 'flip':
      case 'listen':
      case 'speak':
      case 'playAudio':
      case 'stopAudio':
      case 'gather':
        // Other providers' commands: Webex never offers these actions, so the core refuses them first.
        throw new ProviderError({ code: 'NOT_ALLOWED', message: `Webex Calling cannot ${actionLabel(command.type).toLowerCase()}.` });
      default: {
        const unknown: never = command;
        throw new ProviderError({ code: 'BAD_INPUT', message: `Webex cannot do "${(unknown as { type: string }).type}".` });
      }
    }
  }

  async executeConference(command: ConferenceCommand, signal?: AbortSignal): Promise<void> {
    const c = this.client;
    if (command.type === 'merge') {
      const via: Via = { lineOwnerId: command.line ?? this.options.lineOwnerId, signal };
      await c.startConference(command.callIds ?? (await this.answeredCallIds(via)), via);
      return;
    }
    if (command.type === 'startConference' || command.type === 'bridge') {
      throw new ProviderError({ code: 'NOT_ALLOWED', message: 'Webex Calling makes a conference by merging calls: use Merge.' });
    }
    const via: Via = { ...(await this.lineOf(command.conferenceId)), signal };
    switch (command.type) {
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
      case 'removeParticipant':
      case 'holdParticipant':
      case 'resumeParticipant':
      case 'dialIntoConference':
      case 'speakToConference':
      case 'playToConference':
        // Webex's participants offer none of these actions, so the core refuses them before this.
        throw new ProviderError({ code: 'NOT_ALLOWED', message: 'Webex Calling conferences do not offer that control.' });
      default: {
        const unknown: never = command;
        throw new ProviderError({ code: 'BAD_INPUT', message: `Webex cannot do "${(unknown as { type: string }).type}" in a conference.` });
      }
    }
  }

  async history(type?: HistoryType): Promise<HistoryEntry[]> {
    return (await this.client.history(type)).map(toHistoryEntry);
  }

  /** Who I am, with `lines` when I have more than my own. Reads my secondary lines afresh, for the next snapshot too. */
  async account(): Promise<Account> {
    // Lines that cannot be read right now do not cost the account: the next snapshot tries again.
    const [person, secondary] = await Promise.all([this.client.me(), this.readLines().lines.catch((): WireSecondaryLine[] => [])]);
    const account = toAccount(person);
    const lines = toLines(person, secondary);
    if (lines.length > 1) account.lines = lines;
    return account;
  }

  /** My lines, my own first (id ''): what a Dialer offers to place a call on. */
  async lines(): Promise<Line[]> {
    const account = await this.account();
    return account.lines ?? [{ id: '', label: 'My line', primary: true, ...numberOf(account) }];
  }

  /** Where a call on the line (default: the line the options fix, else my own) can be answered; a secondary line has its own list. */
  async answerEndpoints(line: string | undefined = this.options.lineOwnerId): Promise<AnswerEndpoint[]> {
    const via: Via = { lineOwnerId: line || undefined };
    const [available, preferred] = await Promise.all([this.client.availableAnswerEndpoints(via), this.client.preferredAnswerEndpoint(via)]);
    return toAnswerEndpoints(available, preferred);
  }

  /**
   * The line a command's conference is on: one of the lines this provider watches (the one the options
   * fix, or mine and my secondary lines). Any other id is unknown here and refused before anything is sent.
   */
  private async lineOf(conferenceId: string): Promise<{ lineOwnerId: string | undefined }> {
    const { lineOwnerId } = lineOfConference(conferenceId);
    // Only a line a read has already listed can have a conference: no request is needed to know it.
    const secondary = this.options.lineOwnerId ? [] : (this.knownLines ?? []).map((line) => line.id);
    const watched = this.options.lineOwnerId ? [this.options.lineOwnerId] : [undefined, ...secondary];
    if (!watched.some((line) => keyOf(line) === keyOf(lineOwnerId))) {
      throw new ProviderError({ code: 'NOT_FOUND', message: 'That conference is not in progress: it may have ended.' });
    }
    return { lineOwnerId };
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
    const conference: Conference | null = toConference(await this.client.conferenceDetails(via), [], conferenceIdFor(via.lineOwnerId));
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
