/**
 * The RingCentral REST routes the simulator serves under /restapi/v1.0 (docs/wire/ringcentral-and-bandwidth.md
 * §A2, §A4): the current extension, its devices and presence, and every Call Control endpoint, each a
 * thin adapter from path + body to a CallSessions operation and RingCentral's status code. No auth, rate
 * limits or faults here (the server applies those before a route runs).
 */
import type { Body, CallSessions } from './call-sessions';
import { notFound } from './errors';
import { wireParty, wireSession } from './wire-shapes';
import type { SimColleague, SimDevice, SimMe, SimParty } from './types';

export interface RouteAnswer {
  status: number;
  body?: unknown;
}

interface RouteInput {
  params: string[];
  query: Record<string, string>;
  body: Body;
}

export interface Route {
  method: string;
  pattern: RegExp;
  handle(input: RouteInput): RouteAnswer;
}

const ACCOUNT = String.raw`/restapi/v1\.0/account/([^/]+)`;
const EXTENSION = String.raw`${ACCOUNT}/extension/([^/]+)`;
const TELEPHONY = String.raw`${ACCOUNT}/telephony`;
const SESSION = String.raw`${TELEPHONY}/sessions/([^/]+)`;
const PARTY = String.raw`${SESSION}/parties/([^/]+)`;

function route(method: string, path: string, handle: (input: RouteInput) => RouteAnswer): Route {
  return { method, pattern: new RegExp(`^${path}$`), handle };
}

const TELEPHONY_STATUS: Record<string, string> = { Setup: 'Ringing', Proceeding: 'Ringing', Answered: 'CallConnected', Hold: 'OnHold' };

export function restRoutes(calls: CallSessions, me: SimMe, devices: () => SimDevice[], colleagues: readonly SimColleague[] = []): Route[] {
  const p = (input: RouteInput, index: number): string => input.params[index] ?? '';
  /** `~` or the simulated user's own id; anything else is another account/extension (404). */
  const checkScope = (input: RouteInput, withExtension: boolean): void => {
    const account = p(input, 0);
    if (account !== '~' && account !== me.accountId) throw notFound(`Account [${account}]`);
    if (withExtension) {
      const extension = p(input, 1);
      if (extension !== '~' && extension !== me.extensionId) throw notFound(`Extension [${extension}]`);
    }
  };
  const party = (result: SimParty, status = 200): RouteAnswer => ({ status, body: wireParty(result) });
  const onParty = (method: string, suffix: string, run: (sid: string, pid: string, input: RouteInput) => RouteAnswer): Route =>
    route(method, `${PARTY}${suffix}`, (input) => {
      checkScope(input, false);
      return run(p(input, 1), p(input, 2), input);
    });

  return [
    route('GET', EXTENSION, (input) => {
      checkScope(input, true);
      const [firstName, ...rest] = me.name.split(' ');
      return {
        status: 200,
        body: {
          // RingCentral sends ids as JSON numbers here (EXT ExtensionInfo id is int64).
          id: Number(me.extensionId),
          extensionNumber: me.extensionNumber,
          name: me.name,
          type: 'User',
          status: 'Enabled',
          contact: { firstName, lastName: rest.join(' '), email: 'sim.user@example.com' },
          account: { id: me.accountId },
        },
      };
    }),
    route('GET', `${EXTENSION}/device`, (input) => {
      checkScope(input, true);
      const records = devices().map((d) => ({
        ...d,
        extension: { id: me.extensionId, extensionNumber: me.extensionNumber },
        phoneLines: [],
      }));
      return {
        status: 200,
        body: { records, paging: { page: 1, totalPages: 1, perPage: 100, totalElements: records.length }, navigation: {} },
      };
    }),
    route('GET', String.raw`${ACCOUNT}/extension`, (input) => {
      checkScope(input, false);
      const everyone = [
        { id: me.extensionId, extensionNumber: me.extensionNumber, name: me.name },
        ...colleagues.map((c) => ({ id: c.extensionId, extensionNumber: c.extensionNumber, name: c.name })),
      ];
      const wanted = input.query.extensionNumber;
      const records = everyone
        .filter((e) => wanted === undefined || e.extensionNumber === wanted)
        .map((e) => ({ id: Number(e.id), extensionNumber: e.extensionNumber, name: e.name, type: 'User', status: 'Enabled' }));
      return {
        status: 200,
        body: { records, paging: { page: 1, totalPages: 1, perPage: 100, totalElements: records.length }, navigation: {} },
      };
    }),
    route('GET', `${EXTENSION}/presence`, (input) => {
      const colleague = colleagues.find((c) => c.extensionId === p(input, 1));
      checkScope(input, colleague === undefined);
      const detailed = input.query.detailedTelephonyState === 'true';
      const active = colleague ? calls.activeCallsOf(colleague.extensionId) : calls.activeCallsOfMe();
      const first = active[0]?.party.status.code;
      const body: Record<string, unknown> = {
        extension: colleague
          ? { id: colleague.extensionId, extensionNumber: colleague.extensionNumber }
          : { id: me.extensionId, extensionNumber: me.extensionNumber },
        presenceStatus: active.length > 0 ? 'Busy' : 'Available',
        telephonyStatus: first ? (TELEPHONY_STATUS[first] ?? 'NoCall') : 'NoCall',
      };
      if (detailed) {
        body.activeCalls = active.map(({ session, party: mine }) => ({
          id: `${session.legacySessionId}-${mine.id}`,
          direction: mine.direction,
          from: mine.from.phoneNumber,
          fromName: mine.from.name,
          to: mine.to.phoneNumber,
          toName: mine.to.name,
          startTime: session.creationTime,
          telephonyStatus: TELEPHONY_STATUS[mine.status.code] ?? 'NoCall',
          sessionId: session.legacySessionId,
          telephonySessionId: session.id,
          partyId: mine.id,
        }));
      }
      return { status: 200, body };
    }),
    route('POST', `${TELEPHONY}/call-out`, (input) => {
      checkScope(input, false);
      return { status: 201, body: { session: wireSession(calls.callOut(input.body)) } };
    }),
    route('POST', `${TELEPHONY}/conference`, (input) => {
      checkScope(input, false);
      return { status: 201, body: { session: wireSession(calls.conference()) } };
    }),
    route('GET', SESSION, (input) => {
      checkScope(input, false);
      return { status: 200, body: wireSession(calls.read(p(input, 1))) };
    }),
    route('DELETE', SESSION, (input) => {
      checkScope(input, false);
      calls.drop(p(input, 1));
      return { status: 204 };
    }),
    route('POST', `${SESSION}/supervise`, (input) => {
      checkScope(input, false);
      return party(calls.supervise(p(input, 1), input.body), 201);
    }),
    route('POST', `${SESSION}/parties/bring-in`, (input) => {
      checkScope(input, false);
      return party(calls.bringIn(p(input, 1), input.body), 201);
    }),
    onParty('GET', '', (sid, pid) => party(calls.party(sid, pid))),
    onParty('PATCH', '', (sid, pid, input) => party(calls.update(sid, pid, input.body))),
    onParty('DELETE', '', (sid, pid) => {
      calls.deleteParty(sid, pid);
      return { status: 204 };
    }),
    onParty('POST', '/hold', (sid, pid, input) => party(calls.hold(sid, pid, input.body))),
    onParty('POST', '/unhold', (sid, pid) => party(calls.unhold(sid, pid))),
    onParty('POST', '/answer', (sid, pid, input) => party(calls.answer(sid, pid, input.body))),
    onParty('POST', '/reject', (sid, pid) => {
      calls.reject(sid, pid);
      return { status: 204 };
    }),
    onParty('POST', '/ignore', (sid, pid, input) => {
      calls.ignore(sid, pid, input.body);
      return { status: 204 };
    }),
    onParty('POST', '/forward', (sid, pid, input) => party(calls.forward(sid, pid, input.body))),
    onParty('POST', '/transfer', (sid, pid, input) => party(calls.transfer(sid, pid, input.body))),
    onParty('POST', '/reply', (sid, pid, input) => party(calls.reply(sid, pid, input.body))),
    onParty('POST', '/flip', (sid, pid, input) => {
      calls.flip(sid, pid, input.body);
      return { status: 200, body: {} };
    }),
    onParty('POST', '/park', (sid, pid) => party(calls.park(sid, pid), 201)),
    onParty('POST', '/pickup', (sid, pid, input) => party(calls.pickup(sid, pid, input.body), 201)),
    onParty('POST', '/bridge', (sid, pid, input) => party(calls.bridge(sid, pid, input.body))),
    onParty('POST', '/supervise', (sid, pid, input) => party(calls.supervise(sid, input.body, pid), 201)),
    onParty('POST', '/recordings', (sid, pid) => ({ status: 201, body: calls.startRecording(sid, pid) })),
    route('PATCH', `${PARTY}/recordings/([^/]+)`, (input) => {
      checkScope(input, false);
      return { status: 200, body: calls.updateRecording(p(input, 1), p(input, 2), p(input, 3), input.body) };
    }),
  ];
}
