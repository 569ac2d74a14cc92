/**
 * The simulated RingCentral call log (docs/wire/ringcentral-and-bandwidth.md §A6): every call of the
 * user's that ends becomes one record, newest first, with the result RingCentral gives it (an inbound
 * call that rang and ended unanswered is "Missed", one sent to voicemail "Voicemail", a rejected one
 * "Rejected", an answered one "Accepted"; an outbound call "Call connected" or "No Answer"), served by
 * GET …/extension/{id}/call-log with the type, direction, dateFrom/dateTo, page and perPage filters and
 * RingCentral's paging block. Learns of calls through the session changes CallSessions reports (and of
 * calls from before it started through `logPast`, for the demo's history); no HTTP server, auth, rate
 * limits or faults here (server.ts applies those before a route runs).
 */
import type { SessionChange } from './call-sessions';
import { invalid, notFound } from './errors';
import type { RouteAnswer, Route } from './routes';
import type { PastCallInit, SimEndpoint, SimMe, SimParty, SimSession } from './types';

/** A call-log record as RingCentral sends it in the Simple view (the simulator's own shape). */
export interface SimCallLogRecord {
  uri: string;
  id: string;
  sessionId: string;
  telephonySessionId: string;
  partyId: string;
  startTime: string;
  duration: number;
  type: 'Voice';
  direction: 'Inbound' | 'Outbound';
  action: 'Phone Call';
  result: string;
  from: SimCallLogCaller;
  to: SimCallLogCaller;
}

export interface SimCallLogCaller {
  phoneNumber?: string;
  extensionNumber?: string;
  name?: string;
}

const ENDED = new Set(['Disconnected', 'Gone', 'VoiceMail']);
const MAX_PER_PAGE = 1000;

function caller(endpoint: Pick<SimEndpoint, 'phoneNumber' | 'extensionNumber' | 'name'>): SimCallLogCaller {
  return {
    ...(endpoint.phoneNumber ? { phoneNumber: endpoint.phoneNumber } : {}),
    ...(endpoint.extensionNumber ? { extensionNumber: endpoint.extensionNumber } : {}),
    ...(endpoint.name ? { name: endpoint.name } : {}),
  };
}

export class SimCallLog {
  private readonly records: SimCallLogRecord[] = [];
  /** Parties seen answered, and parties already logged (a party ends once). */
  private readonly answered = new Set<string>();
  private readonly logged = new Set<string>();
  private counter = 0;

  constructor(
    private readonly me: SimMe,
    private readonly now: () => number,
  ) {}

  /** Every change of one of the user's parties, as CallSessions reports it. */
  note({ session, party }: SessionChange): void {
    if (party.status.code === 'Answered' || party.status.code === 'Hold') this.answered.add(party.id);
    if (!ENDED.has(party.status.code) || this.logged.has(party.id)) return;
    // Conferences and Listen sessions are not calls of the user's in the call log's sense.
    if (session.origin.type === 'Conference' || party.status.reason === 'Supervising') return;
    this.logged.add(party.id);
    this.records.unshift(this.record(session, party));
  }

  /**
   * A call that ended before the simulator started (the demo's history): one record like those `note`
   * writes, placed among the others by its start time.
   */
  logPast(init: PastCallInit): void {
    const id = this.nextId();
    const n = this.counter;
    const myself: SimCallLogCaller = { phoneNumber: this.me.phoneNumber, name: this.me.name };
    const remote = caller(init.remote);
    this.records.push({
      uri: this.uriOf(id),
      id,
      sessionId: String(900000 + n),
      telephonySessionId: `s-past-${n}`,
      partyId: `p-past-${n}-1`,
      startTime: new Date(init.startedAt).toISOString(),
      duration: init.durationSec,
      type: 'Voice',
      direction: init.direction,
      action: 'Phone Call',
      result: init.direction === 'Outbound' ? (init.answered ? 'Call connected' : 'No Answer') : init.answered ? 'Accepted' : 'Missed',
      from: init.direction === 'Inbound' ? remote : myself,
      to: init.direction === 'Inbound' ? myself : remote,
    });
    this.records.sort((a, b) => Date.parse(b.startTime) - Date.parse(a.startTime));
  }

  private nextId(): string {
    this.counter += 1;
    return `cl-${this.counter.toString(36).padStart(6, '0')}`;
  }

  private uriOf(id: string): string {
    return `/restapi/v1.0/account/${this.me.accountId}/extension/${this.me.extensionId}/call-log/${id}?view=Simple`;
  }

  private result(party: SimParty): string {
    const answered = this.answered.has(party.id);
    if (party.direction === 'Outbound') return answered ? 'Call connected' : 'No Answer';
    if (answered) return 'Accepted';
    if (party.status.code === 'VoiceMail') return 'Voicemail';
    if (party.status.reason === 'Rejected') return 'Rejected';
    return 'Missed';
  }

  private record(session: SimSession, party: SimParty): SimCallLogRecord {
    const id = this.nextId();
    const started = Date.parse(session.creationTime);
    return {
      uri: this.uriOf(id),
      id,
      sessionId: session.legacySessionId,
      telephonySessionId: session.id,
      partyId: party.id,
      startTime: session.creationTime,
      duration: Math.max(0, Math.round((this.now() - started) / 1000)),
      type: 'Voice',
      direction: party.direction,
      action: 'Phone Call',
      result: this.result(party),
      from: caller(party.from),
      to: caller(party.to),
    };
  }

  /** Newest first, filtered as RingCentral does (dateFrom defaults to 24 hours before dateTo). */
  list(query: Record<string, string>): { records: SimCallLogRecord[]; page: number; perPage: number; total: number } {
    const perPage = query.perPage === undefined ? 100 : Number(query.perPage);
    const page = query.page === undefined ? 1 : Number(query.page);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE)
      throw invalid('perPage', `Parameter [perPage] must be between 1 and ${MAX_PER_PAGE}`);
    if (!Number.isInteger(page) || page < 1) throw invalid('page', 'Parameter [page] must be a positive integer');
    const dateTo = query.dateTo === undefined ? this.now() : Date.parse(query.dateTo);
    const dateFrom = query.dateFrom === undefined ? dateTo - 24 * 3600_000 : Date.parse(query.dateFrom);
    if (Number.isNaN(dateTo)) throw invalid('dateTo', 'Parameter [dateTo] must be an ISO 8601 date-time');
    if (Number.isNaN(dateFrom)) throw invalid('dateFrom', 'Parameter [dateFrom] must be an ISO 8601 date-time');
    const matching = this.records.filter((r) => {
      const at = Date.parse(r.startTime);
      if (at < dateFrom || at > dateTo) return false;
      if (query.type !== undefined && query.type !== r.type) return false;
      return query.direction === undefined || query.direction === r.direction;
    });
    return { records: matching.slice((page - 1) * perPage, page * perPage), page, perPage, total: matching.length };
  }

  reset(): void {
    this.records.length = 0;
    this.answered.clear();
    this.logged.clear();
  }
}

/** GET …/account/{id}/extension/{id}/call-log for the simulated user (another extension: 404). */
export function callLogRoutes(log: SimCallLog, me: SimMe): Route[] {
  const pattern = /^\/restapi\/v1\.0\/account\/([^/]+)\/extension\/([^/]+)\/call-log$/;
  const handle = (input: { params: string[]; query: Record<string, string> }): RouteAnswer => {
    const [account = '', extension = ''] = input.params;
    if (account !== '~' && account !== me.accountId) throw notFound(`Account [${account}]`);
    if (extension !== '~' && extension !== me.extensionId) throw notFound(`Extension [${extension}]`);
    const { records, page, perPage, total } = log.list(input.query);
    const totalPages = Math.max(1, Math.ceil(total / perPage));
    return {
      status: 200,
      body: {
        uri: `/restapi/v1.0/account/${me.accountId}/extension/${me.extensionId}/call-log?page=${page}&perPage=${perPage}`,
        records,
        paging: {
          page,
          totalPages,
          perPage,
          totalElements: total,
          pageStart: (page - 1) * perPage,
          pageEnd: (page - 1) * perPage + Math.max(0, records.length - 1),
        },
        navigation: {},
      },
    };
  };
  return [{ method: 'GET', pattern, handle }];
}
