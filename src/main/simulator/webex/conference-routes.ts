/**
 * The Conference Controls routes under /telephony/conference (reference §3). Success codes are not
 * confirmed by any source; 204 is the most plausible and is what the simulator answers. No I/O here.
 */
import { optionalString, requiredString } from './body-fields';
import type { Conferences } from './conference';
import type { ApiRoute } from './route-table';
import { NO_CONTENT, del, get, post } from './route-table';

export function conferenceRoutes(conference: Conferences): ApiRoute[] {
  const base = '/telephony/conference';
  return [
    get(base, () => ({ status: 200, body: conference.details() })),
    post(base, (request) => {
      conference.start(request.body.callIds);
      return NO_CONTENT;
    }),
    del(base, () => {
      conference.release();
      return NO_CONTENT;
    }),
    post(`${base}/addParticipant`, (request) => {
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
    post(`${base}/hold`, () => {
      conference.hold();
      return NO_CONTENT;
    }),
    post(`${base}/resume`, () => {
      conference.resume();
      return NO_CONTENT;
    }),
  ];
}
