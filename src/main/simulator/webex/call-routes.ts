/**
 * The Call Controls routes under /telephony/calls (docs/wire/webex-calling.md §2): list, details, history and every
 * command, with Webex's status codes (dial/retrieve/pickup/bargeIn/pull 201, park 200, the rest 204).
 * Both spellings where Webex has two (transmitDtmf/transmitDTMF, bargeIn/barge-in). `lineOwnerId`
 * (query on GETs, body on commands) picks the line: a call on a secondary line is found only through
 * it, and the call a dial, retrieve, pickup or barge-in creates is on the line it names. No I/O here.
 */
import { optionalBoolean, optionalString, requiredString } from './body-fields';
import { SimRefusal } from './errors';
import type { RecordingControl } from './recording-rules';
import type { ApiAnswer, ApiRequest, ApiRoute } from './route-table';
import { NO_CONTENT, get, post } from './route-table';
import { toWireCall } from './sim-call';
import type { SimulatedWebex } from './simulated-webex';
import { HISTORY_TYPES, type WireHistoryType } from './wire';

export function callRoutes(sim: SimulatedWebex): ApiRoute[] {
  const machine = sim.machine;
  const calls = '/telephony/calls';
  const created = (info: { callId: string; callSessionId: string }): ApiAnswer => ({ status: 201, body: info });
  const recording =
    (control: RecordingControl) =>
    (request: ApiRequest): ApiAnswer => {
      machine.recording(control, optionalCallOnLine(request, 'callId'));
      return NO_CONTENT;
    };
  const dtmf = (request: ApiRequest): ApiAnswer => {
    machine.transmitDtmf(optionalCallOnLine(request, 'callId'), requiredString(request.body, 'dtmf'));
    return NO_CONTENT;
  };
  /** The line a command names (body lineOwnerId), checked against the call it names. */
  const lineOf = (request: ApiRequest): string | undefined => optionalString(request.body, 'lineOwnerId');
  const callOnLine = (request: ApiRequest, field = 'callId'): string =>
    machine.requireOn(requiredString(request.body, field), lineOf(request)).id;
  const optionalCallOnLine = (request: ApiRequest, field: string): string | undefined => {
    const callId = optionalString(request.body, field);
    return callId === undefined ? undefined : machine.requireOn(callId, lineOf(request)).id;
  };
  const bargeIn = (request: ApiRequest): ApiAnswer =>
    created(
      sim.colleagueFeatures.bargeIn(requiredString(request.body, 'target'), optionalString(request.body, 'endpointId'), lineOf(request)),
    );

  return [
    get(calls, (request) => ({ status: 200, body: { items: machine.listOn(request.query.lineOwnerId).map(toWireCall) } })),
    get(`${calls}/history`, (request) => {
      const type = request.query.type;
      if (type !== undefined && !HISTORY_TYPES.includes(type as WireHistoryType)) {
        throw SimRefusal.invalid(`type must be one of ${HISTORY_TYPES.join(', ')}`);
      }
      return { status: 200, body: { items: machine.history.list(type as WireHistoryType | undefined) } };
    }),
    get(/^\/telephony\/calls\/(?<callId>[^/]+)$/, (request) => ({
      status: 200,
      body: toWireCall(machine.requireOn(request.params.callId ?? '', request.query.lineOwnerId)),
    })),

    post(`${calls}/dial`, (request) => {
      const destination = requiredString(request.body, 'destination');
      const endpointId = optionalString(request.body, 'endpointId');
      if (endpointId !== undefined && optionalString(request.body, 'singleNumberReachPhoneNumber') !== undefined) {
        throw SimRefusal.invalid('endpointId and singleNumberReachPhoneNumber cannot be combined');
      }
      const call = machine.dial(destination, endpointId, lineOf(request));
      return created({ callId: call.id, callSessionId: call.sessionId });
    }),
    post(`${calls}/answer`, (request) => {
      machine.answer(callOnLine(request), optionalString(request.body, 'endpointId'));
      return NO_CONTENT;
    }),
    post(`${calls}/reject`, (request) => {
      machine.reject(callOnLine(request), optionalString(request.body, 'action'));
      return NO_CONTENT;
    }),
    post(`${calls}/hangup`, (request) => {
      machine.hangup(callOnLine(request));
      return NO_CONTENT;
    }),
    post(`${calls}/hold`, (request) => {
      machine.hold(callOnLine(request));
      return NO_CONTENT;
    }),
    post(`${calls}/resume`, (request) => {
      machine.resume(callOnLine(request));
      return NO_CONTENT;
    }),
    post(`${calls}/divert`, (request) => {
      machine.divert(
        callOnLine(request),
        optionalString(request.body, 'destination'),
        optionalBoolean(request.body, 'toVoicemail') ?? false,
      );
      return NO_CONTENT;
    }),
    post(`${calls}/transfer`, (request) => {
      const outcome = sim.transfers.transfer({
        callId1: optionalCallOnLine(request, 'callId1'),
        callId2: optionalCallOnLine(request, 'callId2'),
        destination: optionalString(request.body, 'destination'),
      });
      return outcome.kind === 'attended' ? NO_CONTENT : created({ callId: outcome.callId, callSessionId: outcome.callSessionId });
    }),
    post(`${calls}/park`, (request) => ({
      status: 200,
      body: sim.parking.park({
        callId: callOnLine(request),
        destination: optionalString(request.body, 'destination'),
        isGroupPark: optionalBoolean(request.body, 'isGroupPark'),
      }),
    })),
    post(`${calls}/retrieve`, (request) =>
      created(
        sim.parking.retrieve(optionalString(request.body, 'destination'), optionalString(request.body, 'endpointId'), lineOf(request)),
      ),
    ),
    post(`${calls}/pickup`, (request) =>
      created(
        sim.colleagueFeatures.pickup(optionalString(request.body, 'target'), optionalString(request.body, 'endpointId'), lineOf(request)),
      ),
    ),
    post(`${calls}/bargeIn`, bargeIn),
    post(`${calls}/barge-in`, bargeIn),
    post(`${calls}/pull`, (request) => created(sim.devices.pull(optionalString(request.body, 'endpointId')))),
    post(`${calls}/push`, (request) => {
      sim.devices.push(optionalString(request.body, 'callId'));
      return NO_CONTENT;
    }),
    post(`${calls}/startRecording`, recording('start')),
    post(`${calls}/stopRecording`, recording('stop')),
    post(`${calls}/pauseRecording`, recording('pause')),
    post(`${calls}/resumeRecording`, recording('resume')),
    post(`${calls}/transmitDtmf`, dtmf),
    post(`${calls}/transmitDTMF`, dtmf),
    post(`${calls}/mute`, (request) => {
      machine.mute(callOnLine(request), true);
      return NO_CONTENT;
    }),
    post(`${calls}/unmute`, (request) => {
      machine.mute(callOnLine(request), false);
      return NO_CONTENT;
    }),
  ];
}
