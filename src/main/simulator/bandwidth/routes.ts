/**
 * The Catapult v1 routes under /users/{userId} (docs/wire/ringcentral-and-bandwidth.md §B2, §B5):
 * path patterns → operations on the simulated user. Creates answer 201 with a Location header and no
 * body; updates answer 200. Handlers are synchronous and throw SimRefusal. No I/O here.
 */
import type { JsonBody } from './body-fields';
import type { Catapult } from './catapult';
import { SimRefusal } from './errors';
import { pageOf } from './paging';
import type { CallWire } from './wire-types';

export interface RouteRequest {
  method: string;
  /** The path after /users/{userId}. */
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: JsonBody;
  /** Absolute URL of /v1/users/{userId}. */
  userUrl: string;
}

export interface RouteAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  handle(request: RouteRequest): RouteAnswer;
}

const ID = '([^/]+)';
const re = (pattern: string): RegExp => new RegExp(`^${pattern.replaceAll(':id', ID)}$`);

const ok = (body?: unknown): RouteAnswer => (body === undefined ? { status: 200 } : { status: 200, body });
const created = (location: string): RouteAnswer => ({ status: 201, headers: { location } });

function filterCalls(calls: CallWire[], query: Record<string, string>): CallWire[] {
  const state = query.state;
  if (state !== undefined && !['started', 'active', 'transferring', 'completed', 'rejected'].includes(state))
    throw SimRefusal.invalid(`state ${state} is not a call state`);
  const order = query.sortOrder ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw SimRefusal.invalid('sortOrder must be asc or desc');
  const kept = calls.filter(
    (c) =>
      (query.from === undefined || c.from === query.from) &&
      (query.to === undefined || c.to === query.to) &&
      (state === undefined || c.state === state) &&
      (query.bridgeId === undefined || c.bridgeId === query.bridgeId) &&
      (query.conferenceId === undefined || c.conferenceId === query.conferenceId),
  );
  return order === 'asc' ? kept.reverse() : kept;
}

export function catapultRoutes(sim: Catapult): Route[] {
  const { calls, gathers, recordings, conferences, bridges } = sim;
  const route = (method: 'GET' | 'POST', pattern: string, handle: (r: RouteRequest, ...ids: string[]) => RouteAnswer): Route => ({
    method,
    path: re(pattern),
    handle: (r) => handle(r, ...Object.values(r.params)),
  });
  return [
    route('GET', '/calls', (r) => {
      const list = filterCalls(
        calls.all().map((c) => calls.toWire(c)),
        r.query,
      );
      // Listing by bridge or conference is not paged.
      if (r.query.bridgeId !== undefined || r.query.conferenceId !== undefined) return ok(list);
      const { page, link } = pageOf(list, r.query, `${r.userUrl}/calls`);
      return { status: 200, body: page, headers: link ? { link } : {} };
    }),
    route('POST', '/calls', (r) => created(`${r.userUrl}/calls/${calls.create(r.body).id}`)),
    route('GET', '/calls/:id', (_r, id) => ok(calls.toWire(calls.get(id)))),
    route('POST', '/calls/:id', (r, id) => {
      const leg = calls.update(id, r.body);
      return leg ? created(`${r.userUrl}/calls/${leg.id}`) : ok();
    }),
    route('POST', '/calls/:id/audio', (r, id) => (calls.playAudio(id, r.body), ok())),
    route('POST', '/calls/:id/dtmf', (r, id) => (calls.dtmf(id, r.body), ok())),
    route('GET', '/calls/:id/events', (_r, id) => ok(calls.get(id).events)),
    route('GET', '/calls/:id/events/:id', (_r, id, eventId) => {
      const event = calls.get(id).events.find((e) => e.id === eventId);
      if (!event) throw new SimRefusal(404, 'call-event-not-found', `The event ${eventId} could not be found`);
      return ok(event);
    }),
    route('POST', '/calls/:id/gather', (r, id) => created(`${r.userUrl}/calls/${id}/gather/${gathers.create(id, r.body)}`)),
    route('GET', '/calls/:id/gather/:id', (_r, id, gatherId) => ok(gathers.get(id, gatherId as string))),
    route('POST', '/calls/:id/gather/:id', (r, id, gatherId) => (gathers.update(id, gatherId as string, r.body), ok())),
    route('GET', '/calls/:id/recordings', (_r, id) => ok(recordings.forCall(id))),
    route('GET', '/calls/:id/transcriptions', (_r, id) => ok(recordings.transcriptionsOfCall(id))),
    route('GET', '/recordings', () => ok(recordings.all())),
    route('GET', '/recordings/:id', (_r, id) => ok(recordings.get(id))),
    route('POST', '/recordings/:id/transcriptions', (r, id) =>
      created(`${r.userUrl}/recordings/${id}/transcriptions/${recordings.transcribe(id)}`),
    ),
    route('GET', '/recordings/:id/transcriptions', (_r, id) => ok(recordings.transcriptionsOf(id))),
    route('GET', '/recordings/:id/transcriptions/:id', (_r, id, tid) => ok(recordings.transcription(id, tid as string))),
    route('POST', '/conferences', (r) => created(`${r.userUrl}/conferences/${conferences.create(r.body)}`)),
    route('GET', '/conferences/:id', (_r, id) => ok(conferences.get(id))),
    route('POST', '/conferences/:id', (r, id) => (conferences.update(id, r.body), ok())),
    route('POST', '/conferences/:id/audio', (r, id) => (conferences.playAudio(id, r.body), ok())),
    route('POST', '/conferences/:id/members', (r, id) =>
      created(`${r.userUrl}/conferences/${id}/members/${conferences.addMember(id, r.body)}`),
    ),
    route('GET', '/conferences/:id/members', (_r, id) => ok(conferences.members(id))),
    route('GET', '/conferences/:id/members/:id', (_r, id, mid) => ok(conferences.member(id, mid as string))),
    route('POST', '/conferences/:id/members/:id', (r, id, mid) => (conferences.updateMember(id, mid as string, r.body), ok())),
    route('POST', '/conferences/:id/members/:id/audio', (r, id, mid) => (conferences.playAudioToMember(id, mid as string, r.body), ok())),
    route('POST', '/bridges', (r) => created(`${r.userUrl}/bridges/${bridges.create(r.body)}`)),
    route('GET', '/bridges/:id', (_r, id) => ok(bridges.get(id))),
    route('POST', '/bridges/:id', (r, id) => (bridges.update(id, r.body), ok())),
    route('POST', '/bridges/:id/audio', (r, id) => (bridges.playAudio(id, r.body), ok())),
    route('GET', '/bridges/:id/calls', (_r, id) => ok(bridges.callIdsOf(id).map((c) => calls.toWire(calls.get(c))))),
  ];
}

export function runRoute(routes: readonly Route[], request: Omit<RouteRequest, 'params'>): RouteAnswer | undefined {
  for (const route of routes) {
    if (route.method !== request.method) continue;
    const match = route.path.exec(request.path);
    if (!match) continue;
    const params: Record<string, string> = {};
    match.slice(1).forEach((value, i) => (params[String(i)] = decodeSegment(value)));
    return route.handle({ ...request, params });
  }
  return undefined;
}

/** A malformed escape is kept as written: it then simply names nothing, and the lookup answers 404. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
