/**
 * The whole simulated Webex Calling account behind the HTTP surface: the call state machine plus the
 * features built on it (transfer, park, pickup/barge-in, pull/push, conference), the colleagues' calls
 * and the scenario-side actions that need more than one of them. One instance per simulator. No HTTP.
 */
import type { SimAccount } from './account';
import { findLine, meParty, newLine, orgDomain, requireLine } from './account';
import { CallStateMachine } from './call-state-machine';
import { ColleagueCalls } from './colleague-calls';
import { ColleagueFeatures } from './colleague-features';
import { Conferences } from './conference';
import { DeviceFeatures } from './device-features';
import { SimRefusal } from './errors';
import { CallIdFactory } from './ids';
import { Parking } from './park';
import { PartyDirectory, partyToWire } from './parties';
import { toWireCall } from './sim-call';
import { TimerSet } from './timer-set';
import { Transfers } from './transfer';
import type { RecordingMode, RingUserInit, SimLineInit, SimStateSnapshot } from './types';

export interface SimulatedWebexOptions {
  account: SimAccount;
  recordingMode: RecordingMode;
  parkRecallMs: number;
  farEndAnswerMs: number | null;
}

export class SimulatedWebex {
  readonly account: SimAccount;
  readonly timers = new TimerSet();
  readonly machine: CallStateMachine;
  readonly transfers: Transfers;
  readonly parking: Parking;
  readonly colleagueFeatures: ColleagueFeatures;
  readonly devices: DeviceFeatures;
  readonly conference: Conferences;
  private readonly initialRecordingMode: RecordingMode;

  constructor(options: SimulatedWebexOptions) {
    this.account = options.account;
    this.initialRecordingMode = options.recordingMode;
    const ids = new CallIdFactory();
    const directory = new PartyDirectory(orgDomain(options.account));
    directory.add(meParty(options.account), [options.account.me.extension, options.account.me.email]);
    for (const colleague of options.account.colleagues) directory.add(colleague.party, [colleague.extension]);
    for (const member of options.account.parkGroup) directory.add(member);
    this.machine = new CallStateMachine({
      account: options.account,
      ids,
      timers: this.timers,
      directory,
      recordingMode: options.recordingMode,
      farEndAnswerMs: options.farEndAnswerMs,
    });
    this.transfers = new Transfers(this.machine, ids);
    this.parking = new Parking(this.machine, this.timers, options.parkRecallMs);
    this.colleagueFeatures = new ColleagueFeatures(this.machine, new ColleagueCalls(ids));
    this.devices = new DeviceFeatures(this.machine);
    this.conference = new Conferences(this.machine);
    this.colleagueFeatures.onBargedIn = (call) => this.conference.startNonStandard(call, 'bargeIn');
  }

  ringUser(init: RingUserInit): string {
    if (init.from === null || typeof init.from !== 'object') throw SimRefusal.invalid('from must describe the calling party');
    requireLine(this.machine.account, init.line);
    this.machine.directory.add(init.from);
    const call = this.machine.openCall(
      {
        personality: 'terminator',
        state: 'alerting',
        remote: init.from,
        line: init.line,
        redirections: init.redirections ?? [],
        recall: init.recall?.party,
        executive: init.executive,
      },
      'received',
    );
    return call.id;
  }

  /** An administrator puts another line on my desk phone: GET …/people/me/endpoints lists it from now on. */
  addLine(init: SimLineInit): string {
    if (init.id !== undefined && findLine(this.account, init.id)) throw SimRefusal.invalid(`Line ${init.id} is already on the desk phone`);
    const line = newLine(init, this.account.primaryEndpoint);
    this.account.lines.push(line);
    return line.id;
  }

  /**
   * An administrator takes a line off my devices: its calls are no longer mine to see (they end for me,
   * not as missed calls), and a request naming it is refused from now on.
   */
  removeLine(lineOwnerId: string): void {
    const line = requireLine(this.account, lineOwnerId);
    for (const call of this.machine.list().filter((c) => c.line === lineOwnerId)) {
      this.machine.endCall(call, { recordHistory: false, completedElsewhere: true });
    }
    this.account.lines = this.account.lines.filter((l) => l !== line);
  }

  remoteAnswers(callId: string): void {
    if (this.transfers.completeLeg(callId)) return;
    this.machine.remoteAnswers(callId);
  }

  remoteHangsUp(callId: string): void {
    if (this.colleagueFeatures.colleagues.remove(callId)) return;
    this.machine.endCall(this.machine.require(callId));
  }

  /** The user picks up the device that rings: the one a dial named, else the desk phone. */
  answerOnDevice(callId: string): void {
    this.machine.answer(callId, undefined);
  }

  setRecordingMode(mode: RecordingMode): void {
    if (!['always', 'alwaysWithPause', 'onDemand', 'never'].includes(mode))
      throw SimRefusal.invalid(`Unknown recording mode ${String(mode)}`);
    this.machine.recordingMode = mode;
  }

  snapshot(): SimStateSnapshot {
    return {
      calls: this.machine.list().map(toWireCall),
      history: this.machine.history.list(),
      dtmf: this.machine.dtmfLog(),
      parked: this.parking.list().map((p) => ({ parkedAgainst: partyToWire(p.parkedAgainst), remote: partyToWire(p.remote) })),
      colleagueCalls: this.colleagueFeatures.colleagues.list().map((c) => ({
        id: c.id,
        colleague: partyToWire(c.colleague),
        remote: partyToWire(c.remote),
        state: c.state,
      })),
      conference: this.conference.details(),
      media: {
        host: this.conference.hostMedia(),
        calls: this.machine.list().map((c) => ({ callId: c.id, ...this.conference.mediaOf(c.id) })),
      },
    };
  }

  /** No calls, no parked calls, no colleague calls, no history; the account stays. */
  reset(): void {
    // Calls first: ending an unanswered retrieve puts its call back in the lot, which is cleared next.
    this.machine.reset(this.initialRecordingMode);
    this.conference.reset();
    this.transfers.reset();
    this.parking.reset();
    this.colleagueFeatures.reset();
    this.account.preferredEndpointId = this.account.primaryEndpoint.id;
    this.timers.clearAll();
  }

  close(): void {
    this.timers.clearAll();
  }
}
