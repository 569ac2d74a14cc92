/**
 * A small, bounded memory of what happened, for the diagnostics report (runtime/diagnostics-report.ts):
 * the event-health transitions (from the core's `status` events, across provider swaps) and the last
 * commands with their outcomes (recorded where every command passes: the session's core, which the
 * shell, the bridge and the preview all use), plus the commands the provider accepted but never
 * carried out (`commandFailed`). Each list is a ring: the oldest entry goes when it is full, so memory
 * stays flat however long the app runs. It keeps no destination and no whole call id, and words are
 * redacted when recorded (runtime/log-redaction.ts). Must not import electron.
 */
import type { CallCommand, ConferenceCommand } from '../../shared/contract';
import type { EventHealth, ProviderId, Status } from '../../shared/domain';
import type { Result } from '../../shared/result';
import type { SwitchboardCore } from '../core/switchboard-core';
import { redactForReport } from './log-redaction';

export interface HealthTransition {
  /** ISO time the core reported it. */
  at: string;
  health: EventHealth;
  provider: ProviderId;
  demo: boolean;
  detail?: string;
}

export interface CommandRecord {
  /** ISO time the command was sent (or, for `unconfirmed`, when the core gave up waiting). */
  at: string;
  /** `call` / `conference`: a command and its answer; `unconfirmed`: accepted, then never carried out. */
  kind: 'call' | 'conference' | 'unconfirmed';
  /** The command's type (hold, transfer, merge…) or, for `unconfirmed`, the action. */
  type: string;
  /** The end of the call or conference id: enough to tell entries apart, never the whole id. */
  ref?: string;
  /** How long the answer took. */
  ms?: number;
  ok: boolean;
  code?: string;
  message?: string;
}

export interface DiagnosticsJournal {
  healthTransitions(): HealthTransition[];
  commands(): CommandRecord[];
  /** How many entries each ring has already let go. */
  dropped(): { health: number; commands: number };
  /** Records the core's status changes and unconfirmed commands; returns the function that stops it. */
  watch(core: SwitchboardCore): () => void;
  /** The same core, with every command and its outcome recorded. */
  recording(core: SwitchboardCore): SwitchboardCore;
}

export interface DiagnosticsJournalOptions {
  now?: () => Date;
  /** Health transitions kept (default 100). */
  healthCapacity?: number;
  /** Commands kept (default 50). */
  commandCapacity?: number;
}

const REF_LENGTH = 6;

/** The last characters of an id, letters and digits only: too short to hold a phone number or a token. */
export function shortRef(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const plain = id.replace(/[^A-Za-z0-9]/g, '');
  return plain.length <= REF_LENGTH ? plain : `…${plain.slice(-REF_LENGTH)}`;
}

class Ring<T> {
  private readonly items: T[] = [];
  dropped = 0;
  constructor(private readonly capacity: number) {}
  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) {
      this.items.shift();
      this.dropped += 1;
    }
  }
  last(): T | undefined {
    return this.items[this.items.length - 1];
  }
  all(): T[] {
    return this.items.map((item) => ({ ...item }));
  }
}

function refOf(command: CallCommand | ConferenceCommand): string | undefined {
  if ('conferenceId' in command) return shortRef(command.conferenceId);
  if ('callId' in command) return shortRef(command.callId);
  return undefined;
}

export function createDiagnosticsJournal(options: DiagnosticsJournalOptions = {}): DiagnosticsJournal {
  const now = options.now ?? (() => new Date());
  const health = new Ring<HealthTransition>(options.healthCapacity ?? 100);
  const commands = new Ring<CommandRecord>(options.commandCapacity ?? 50);

  function noteStatus(status: Status): void {
    const last = health.last();
    if (
      last &&
      last.health === status.health &&
      last.provider === status.provider &&
      last.demo === status.demo &&
      last.detail === (status.detail === undefined ? undefined : redactForReport(status.detail))
    ) {
      return;
    }
    const entry: HealthTransition = { at: now().toISOString(), health: status.health, provider: status.provider, demo: status.demo };
    if (status.detail !== undefined) entry.detail = redactForReport(status.detail);
    health.push(entry);
  }

  async function timed<T>(
    kind: 'call' | 'conference',
    command: CallCommand | ConferenceCommand,
    run: () => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const started = now();
    const record: CommandRecord = { at: started.toISOString(), kind, type: command.type, ok: false };
    const ref = refOf(command);
    if (ref) record.ref = ref;
    try {
      const result = await run();
      record.ok = result.ok;
      if (!result.ok) {
        record.code = result.error.code;
        record.message = redactForReport(result.error.message);
      }
      return result;
    } catch (error) {
      record.code = 'THREW';
      record.message = redactForReport(error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      record.ms = Math.max(0, now().getTime() - started.getTime());
      commands.push(record);
    }
  }

  return {
    healthTransitions: () => health.all(),
    commands: () => commands.all(),
    dropped: () => ({ health: health.dropped, commands: commands.dropped }),
    watch(core) {
      noteStatus(core.status());
      const offStatus = core.on('status', noteStatus);
      const offFailed = core.on('commandFailed', (failure) => {
        const record: CommandRecord = {
          at: now().toISOString(),
          kind: 'unconfirmed',
          type: failure.action,
          ok: false,
          code: failure.error.code,
          message: redactForReport(failure.error.message),
        };
        const ref = shortRef(failure.conferenceId ?? failure.callId);
        if (ref) record.ref = ref;
        commands.push(record);
      });
      return () => {
        offStatus();
        offFailed();
      };
    },
    recording(core) {
      return {
        ...core,
        command: (command) => timed('call', command, () => core.command(command)),
        conferenceCommand: (command) => timed('conference', command, () => core.conferenceCommand(command)),
      };
    },
  };
}
