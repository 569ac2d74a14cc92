/**
 * The two counts of a fault run, and the verdict. The client side writes down every command the
 * scripted user issued (what it was for, which fault was planned for it, the Result the user saw);
 * the simulator side's journal says what it really applied, per (operation, call). The verdict: no
 * command lost (every ok was applied exactly once), none sent twice (never more applied than could
 * have been: ok ones once, unknown outcomes at most once, refusals never), and every failure the user
 * saw left the call list showing what really happened (after an unknown outcome at once, since the core
 * re-reads before it answers; after a refusal, which changed nothing, from the next read). Used by the fault runs of each provider (tests
 * and bench); no vitest here, so the bench can use it too. Touches no product code.
 */
import type { AppError, Result } from '../../src/shared/result';

/** What a Result tells the user about whether the command happened. */
export type Outcome = 'ok' | 'refused' | 'unknown';

/** The codes whose command may or may not have been applied (src/main/provider-api/provider-error.ts outcomeUnknown). */
const UNKNOWN_CODES = new Set<AppError['code']>(['TIMEOUT', 'NETWORK', 'UNAVAILABLE', 'BAD_RESPONSE']);

export function outcomeOf(result: Result<unknown>): Outcome {
  if (result.ok) return 'ok';
  return UNKNOWN_CODES.has(result.error.code) ? 'unknown' : 'refused';
}

export interface IssuedCommand {
  seq: number;
  /** `<operation> <call or conference>`, the same key the simulator's journal is read into. */
  key: string;
  /** The fault planned for this command ('none' when none). */
  fault: string;
  outcome: Outcome;
  code?: AppError['code'];
  message?: string;
}

export interface FaultRunReport {
  provider: string;
  /** Commands issued, by operation. */
  operations: Record<string, number>;
  calls: number;
  commands: number;
  outcomes: Record<Outcome, number>;
  /** Faults planned, by kind. */
  faults: Record<string, number>;
  /** Commands the simulator applied. */
  applied: number;
  /** Commands whose outcome was unknown to the user, and of those how many had been applied. */
  unknown: { total: number; applied: number };
  /** Keys of commands answered ok but applied fewer times. */
  lost: string[];
  /** Keys applied or sent more often than the user could have caused (or applied without being issued). */
  duplicated: string[];
  /** Keys of commands refused (definitely not done) that the simulator applied anyway. */
  refusedButApplied: string[];
  /** After a failure: the call list showing other than what the simulator held, or a message not saying what happened. */
  wrongState: string[];
}

export class FaultLedger {
  private readonly issued: IssuedCommand[] = [];
  private readonly faults = new Map<string, number>();
  private readonly wrong: string[] = [];

  constructor(private readonly provider: string) {}

  /** Notes a planned fault (also when the command it was planned for never consumed it). */
  planned(kind: string): void {
    this.faults.set(kind, (this.faults.get(kind) ?? 0) + 1);
  }

  record(key: string, fault: string, result: Result<unknown>): IssuedCommand {
    const entry: IssuedCommand = { seq: this.issued.length + 1, key, fault, outcome: outcomeOf(result) };
    if (!result.ok) {
      entry.code = result.error.code;
      entry.message = result.error.message;
    }
    this.issued.push(entry);
    // After an unknown outcome the core re-reads and adds what is true now ("… — the call is now on hold."):
    // a bare "did not answer in time" would leave the user guessing.
    if (entry.outcome === 'unknown' && !/ — .+\.$/.test(entry.message ?? '')) {
      this.wrong.push(`#${entry.seq} ${entry.key} (${fault}, ${entry.code}): the message does not say what happened: ${entry.message}`);
    }
    return entry;
  }

  /** After a failed command: what the user is shown must be what the simulator holds. */
  compare(entry: IssuedCommand, what: string, shown: string, truth: string): void {
    if (shown !== truth)
      this.wrong.push(`#${entry.seq} ${entry.key} (${entry.fault}, ${entry.code ?? 'ok'}): ${what} shows ${shown}, really ${truth}`);
  }

  commands(): readonly IssuedCommand[] {
    return this.issued;
  }

  /**
   * The verdict, against the keys of every command the simulator applied (one key per application)
   * and of every command request that reached it and was not turned away unapplied (a 429 or a 401 is
   * legitimately sent again): more of those than the user issued is a command sent twice.
   */
  verdict(appliedKeys: readonly string[], calls: number, deliveredKeys: readonly string[]): FaultRunReport {
    const applied = new Map<string, number>();
    for (const key of appliedKeys) applied.set(key, (applied.get(key) ?? 0) + 1);
    const byKey = new Map<string, IssuedCommand[]>();
    for (const entry of this.issued) byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);

    const report: FaultRunReport = {
      provider: this.provider,
      operations: {},
      calls,
      commands: this.issued.length,
      outcomes: { ok: 0, refused: 0, unknown: 0 },
      faults: Object.fromEntries(this.faults),
      applied: appliedKeys.length,
      unknown: { total: 0, applied: 0 },
      lost: [],
      duplicated: [],
      refusedButApplied: [],
      wrongState: [...this.wrong],
    };
    for (const entry of this.issued) {
      report.outcomes[entry.outcome] += 1;
      const op = entry.key.split(' ')[0] ?? entry.key;
      report.operations[op] = (report.operations[op] ?? 0) + 1;
    }
    for (const [key, entries] of byKey) {
      const count = (outcome: Outcome): number => entries.filter((e) => e.outcome === outcome).length;
      const done = applied.get(key) ?? 0;
      const ok = count('ok');
      const unknown = count('unknown');
      if (done < ok) report.lost.push(`${key}: ok ${ok}, applied ${done}`);
      if (done > ok + unknown) {
        if (count('refused') > 0 && done <= entries.length) report.refusedButApplied.push(`${key}: applied ${done}`);
        else report.duplicated.push(`${key}: issued ${entries.length}, applied ${done}`);
      }
      if (unknown > 0) {
        report.unknown.total += unknown;
        report.unknown.applied += Math.min(unknown, Math.max(0, done - ok));
      }
    }
    for (const [key, done] of applied) if (!byKey.has(key)) report.duplicated.push(`${key}: never issued, applied ${done}`);
    const delivered = new Map<string, number>();
    for (const key of deliveredKeys) delivered.set(key, (delivered.get(key) ?? 0) + 1);
    for (const [key, sent] of delivered) {
      const issued = byKey.get(key)?.length ?? 0;
      if (sent > issued) report.duplicated.push(`${key}: issued ${issued}, sent ${sent}`);
    }
    return report;
  }
}

/** One line per figure, for the bench and for a failing test's message. */
export function describeReport(report: FaultRunReport): string {
  const faults = Object.entries(report.faults)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  return [
    `${report.provider}: ${report.calls} calls, ${report.commands} commands issued (ok ${report.outcomes.ok}, refused ${report.outcomes.refused}, unknown outcome ${report.outcomes.unknown}), ${report.applied} applied`,
    `  operations: ${Object.entries(report.operations)
      .map(([op, n]) => `${op} ${n}`)
      .join(', ')}`,
    `  faults injected: ${faults || 'none'}`,
    `  unknown outcomes applied anyway: ${report.unknown.applied} of ${report.unknown.total}`,
    `  lost ${report.lost.length}, duplicated ${report.duplicated.length}, refused but applied ${report.refusedButApplied.length}, wrong state or message shown ${report.wrongState.length}`,
    ...[...report.lost, ...report.duplicated, ...report.refusedButApplied, ...report.wrongState].slice(0, 20).map((line) => `    ${line}`),
  ].join('\n');
}

/**
 * Which fault the next command of an operation gets: none for about `clean` of them, the others go
 * round the kinds in turn per operation (from a seeded start), so even an operation issued a few
 * times meets different faults, and one issued often meets every kind.
 */
export function faultPicker<K extends string>(kinds: readonly K[], random: () => number, clean = 0.4): (operation: string) => K | 'none' {
  const turns = new Map<string, number>();
  return (operation) => {
    if (random() < clean) return 'none';
    const turn = turns.get(operation) ?? Math.floor(random() * kinds.length);
    turns.set(operation, turn + 1);
    return kinds[turn % kinds.length] ?? 'none';
  };
}
