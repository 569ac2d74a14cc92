/**
 * Gathers what the diagnostics report holds — the journal (runtime/diagnostics-journal.ts), the core's
 * status, the running provider, the process and OS versions and the log tail — and builds the report
 * (runtime/diagnostics-report.ts). Used by the shell's "Save diagnostics…"; it only reads. Must not
 * import electron: the shell passes the app version and the log file.
 */
import { arch, platform, release } from 'node:os';
import type { ProviderId, Status } from '../../shared/domain';
import type { DiagnosticsJournal } from './diagnostics-journal';
import { buildDiagnosticsReport } from './diagnostics-report';
import { readLogTail } from './log-tail';

export interface DiagnosticsSources {
  journal: DiagnosticsJournal;
  status: () => Status;
  provider: () => ProviderId;
  demo: () => boolean;
  appVersion: string;
  /** The app log's file (runtime/app-log.ts); none: the report says the tail is empty. */
  logFile?: string;
  /** Lines of the log tail (default 200). */
  logLines?: number;
  now?: () => Date;
  /** Secrets known to be in play (stored ones, the environment's): removed from the report wherever they appear. */
  known?: () => Promise<readonly string[]>;
}

/** Environment variables that carry a credential (SWITCHBOARD_WEBEX_TOKEN, …_CLIENT_SECRET, …_PASSWORD). */
const SECRET_VARIABLE = /TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|CREDENTIAL/i;

export function secretsInEnvironment(env: Record<string, string | undefined>): string[] {
  return Object.entries(env).flatMap(([name, value]) => (value && SECRET_VARIABLE.test(name) ? [value] : []));
}

export async function gatherDiagnosticsReport(sources: DiagnosticsSources): Promise<string> {
  const status = sources.status();
  const known = sources.known ? await sources.known() : [];
  const logTail = sources.logFile ? await readLogTail(sources.logFile, sources.logLines ?? 200) : [];
  const { electron, chrome, node } = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return buildDiagnosticsReport({
    generatedAt: (sources.now ?? (() => new Date()))(),
    appVersion: sources.appVersion,
    versions: { ...(electron ? { electron } : {}), ...(chrome ? { chrome } : {}), node },
    os: { platform: platform(), release: release(), arch: arch() },
    provider: sources.provider(),
    demo: sources.demo(),
    status: {
      health: status.health,
      ...(status.detail === undefined ? {} : { detail: status.detail }),
      ...(status.lastSyncAt === undefined ? {} : { lastSyncAt: status.lastSyncAt }),
    },
    healthTransitions: sources.journal.healthTransitions(),
    commands: sources.journal.commands(),
    dropped: sources.journal.dropped(),
    logTail,
    known,
  });
}
