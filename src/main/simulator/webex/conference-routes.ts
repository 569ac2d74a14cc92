/**
 * The Conference Controls routes under /telephony/conference (docs/wire/webex-calling.md §3). `lineOwnerId` is a query
 * parameter on GET, DELETE, hold and resume and a body field on start and add participant; the
 * simulator has one line, so it only checks the field's shape. Mute/unmute with no body (or no callId)
 * act on the host. Success codes are not confirmed by any source; 204 is the most plausible and is
 * what the simulator answers. No I/O here.
 */
import { optionalString, requiredString } from './body-fields';
import type { Conferences } from './conference';
import { SimRefusal } from './errors';
import type { ApiRequest, ApiRoute } from './route-table';
import { NO_CONTENT, del, get, post } from './route-table';

/** A query lineOwnerId may be absent but never empty. */
function checkLineQuery(request: ApiRequest): void {
  const line = request.query.lineOwnerId;
  if (line !== undefined && line.trim() === '') throw SimRefusal.invalid('lineOwnerId must not be empty');
}

export function conferenceRoutes(conference: Conferences): ApiRoute[] {
  const base = '/telephony/conference';
  return [
    get(base, (request) => {
      checkLineQuery(request);
      return { status: 200, body: conference.details() };
    }),
    post(base, (request) => {
      optionalString(request.body, 'lineOwnerId');
      conference.start(request.body.callIds);
      return NO_CONTENT;
    }),
    del(base, (request) => {
      checkLineQuery(request);
      conference.release();
      return NO_CONTENT;
    }),
    post(`${base}/addParticipant`, (request) => {
      optionalString(request.body, 'lineOwnerId');
      conference.addParticipant(requiredString(request.body, 'callId'));
      return NO_CONTENT;
    }),
    post(`${base}/mute`, (request) => {
      conference.mute(optionalString(request.body, 'callId'), true);
      return NO_CONTENT;
    }),
    post(`${base}/unmute`, (request) => {
      conference.mute(optionalString(request.body, 'callId'), false);
      return NO_CONTENT;
    }),
    post(`${base}/deafen`, (request) => {
      conference.deafen(requiredString(request.body, 'callId'), true);
      return NO_CONTENT;
    }),
    post(`${base}/undeafen`, (request) => {
      conference.deafen(requiredString(request.body, 'callId'), false);
      return NO_CONTENT;
    }),
    post(`${base}/hold`, (request) => {
      checkLineQuery(request);
      conference.hold();
      return NO_CONTENT;
    }),
    post(`${base}/resume`, (request) => {
      checkLineQuery(request);
      conference.resume();
      return NO_CONTENT;
    }),
  ];
}
