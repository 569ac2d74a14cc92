/**
 * The diagnostics report a user attaches to a support ticket, as plain text: versions, OS, provider and
 * demo flag, event health now and over time, the last commands with their outcomes, and the log tail.
 * Every value that came from outside this file passes redactForReport (runtime/log-redaction.ts) here,
 * even where it was redacted before: no token, secret, Authorization value, full phone number or
 * address user part may be in a report. Pure: the caller gathers the input (runtime/diagnostics-gather.ts)
 * and the shell writes the file.
 */
import type { EventHealth, ProviderId } from '../../shared/domain';
import type { CommandRecord, HealthTransition } from './diagnostics-journal';
import { redactForReport } from './log-redaction';

export interface DiagnosticsInput {
  generatedAt: Date;
  appVersion: string;
  /** process.versions of the running app: electron and chrome only in Electron. */
  versions: { electron?: string; chrome?: string; node?: string };
  os: { platform: string; release: string; arch: string };
  provider: ProviderId;
  demo: boolean;
  status: { health: EventHealth; detail?: string; lastSyncAt?: string };
  healthTransitions: readonly HealthTransition[];
  commands: readonly CommandRecord[];
  /** How many older entries the journal no longer holds. */
  dropped: { health: number; commands: number };
  /** The log's last lines, oldest first. */
  logTail: readonly string[];
  /** Secrets known to be in play, removed wherever they appear. */
  known?: readonly (string | undefined)[];
}

const REPORT_TITLE = 'Switchboard diagnostics';
const SECTION_TITLES = {
  versions: 'Versions',
  provider: 'Provider',
  health: 'Event health over time',
  commands: 'Last commands',
  log: 'Log tail',
} as const;

/** The file name the save dialog offers: switchboard-diagnostics-2026-12-01T10-00.txt (UTC). */
export function diagnosticsFileName(at: Date): string {
  return `switchboard-diagnostics-${at.toISOString().slice(0, 16).replace(':', '-')}.txt`;
}

/** electron-log's line prefix ("[2026-12-01 10:00:00.123] [info]  "): kept, since its digits are a time. */
const LOG_PREFIX = /^(\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] \[[a-z]+\]\s*)(.*)$/;

function section(title: string, lines: readonly string[]): string[] {
  return ['', `== ${title} ==`, ...(lines.length > 0 ? lines : ['(none)'])];
}

export function buildDiagnosticsReport(input: DiagnosticsInput): string {
  const known = input.known ?? [];
  const safe = (text: string | undefined): string => (text === undefined ? '' : redactForReport(text, known));
  const or = (text: string | undefined, fallback: string): string => (text ? safe(text) : fallback);

  const versions = [
    `Switchboard: ${safe(input.appVersion)}`,
    `Electron: ${or(input.versions.electron, 'not running in Electron')}`,
    `Chromium: ${or(input.versions.chrome, 'not running in Electron')}`,
    `Node: ${or(input.versions.node, 'unknown')}`,
    `OS: ${safe(input.os.platform)} ${safe(input.os.release)} (${safe(input.os.arch)})`,
  ];

  const provider = [
    `Provider: ${safe(input.provider)}`,
    `Demo: ${input.demo ? 'yes (the built-in simulator)' : 'no'}`,
    `Health now: ${input.status.health}${input.status.detail ? ` — ${safe(input.status.detail)}` : ''}`,
    `Last successful read: ${or(input.status.lastSyncAt, 'none yet')}`,
  ];

  const health = input.healthTransitions.map(
    (t) => `${safe(t.at)}  ${t.health}  ${safe(t.provider)}${t.demo ? ' (demo)' : ''}${t.detail ? ` — ${safe(t.detail)}` : ''}`,
  );
  if (input.dropped.health > 0) health.unshift(`(${input.dropped.health} earlier transitions not kept)`);

  const commands = input.commands.map((c) => {
    const ref = c.ref ? ` ${safe(c.ref)}` : '';
    const outcome = c.ok ? 'ok' : `error ${safe(c.code ?? 'UNKNOWN')}${c.message ? `: ${safe(c.message)}` : ''}`;
    const took = c.ms === undefined ? '' : ` (${c.ms} ms)`;
    return `${safe(c.at)}  ${c.kind} ${safe(c.type)}${ref}  ${outcome}${took}`;
  });
  if (input.dropped.commands > 0) commands.unshift(`(${input.dropped.commands} earlier commands not kept)`);

  const log = input.logTail.map((line) => {
    const parts = LOG_PREFIX.exec(line);
    return parts ? `${parts[1] ?? ''}${safe(parts[2])}` : safe(line);
  });

  return [
    REPORT_TITLE,
    `Generated: ${input.generatedAt.toISOString()}`,
    'Tokens, secrets and Authorization values are shown as [redacted]; phone numbers keep their last four digits and addresses their first character.',
    ...section(SECTION_TITLES.versions, versions),
    ...section(SECTION_TITLES.provider, provider),
    ...section(`${SECTION_TITLES.health} (oldest first)`, health),
    ...section(`${SECTION_TITLES.commands} with their outcomes (oldest first)`, commands),
    ...section(`${SECTION_TITLES.log} (last ${input.logTail.length} lines)`, log),
    '',
  ].join('\n');
}
