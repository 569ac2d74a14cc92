/**
 * The scenario over HTTP (/_sim/…), for the demo account and browser end-to-end tests: ring the
 * user, act as the far end or a colleague, add or remove a secondary line, inject faults, read or reset the state. Unauthenticated;
 * the server only serves it to loopback clients. Bodies are parsed with zod; a bad body is a 400.
 * No I/O here.
 */
import { z } from 'zod';
import { CALL_TYPES, REDIRECT_REASONS } from './wire';
import type { FaultPlan } from './faults';
import type { ApiAnswer, ApiRoute } from './route-table';
import { NO_CONTENT, get, post } from './route-table';
import type { SimulatedWebex } from './simulated-webex';
import type { TokenRegistry } from './tokens';
import type { SimParty, WebexScenario } from './types';

const partySchema = z.strictObject({
  name: z.string().optional(),
  number: z.string().optional(),
  personId: z.string().optional(),
  placeId: z.string().optional(),
  privacyEnabled: z.boolean().optional(),
  callType: z.enum(CALL_TYPES).optional(),
});

const ringSchema = z.object({
  from: partySchema,
  line: z.string().min(1).optional(),
  redirections: z.array(z.object({ reason: z.enum(REDIRECT_REASONS), by: partySchema })).optional(),
  recall: z.object({ party: partySchema }).optional(),
  executive: partySchema.optional(),
});
const callIdSchema = z.object({ callId: z.string().min(1) });
const colleagueRingSchema = z.object({ colleague: partySchema, from: partySchema });
const colleagueInCallSchema = z.object({ colleague: partySchema, remote: partySchema });
const matchFields = {
  path: z.string().optional(),
  /** A regular expression source, for FaultMatch paths that are RegExps in process. */
  pathPattern: z.string().optional(),
  method: z.string().optional(),
  count: z.number().int().min(1).optional(),
};
const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('failNext'),
    status: z.number().int().min(400).max(599),
    retryAfterSeconds: z.number().min(0).optional(),
    ...matchFields,
  }),
  z.object({ kind: z.literal('dropNext'), afterApplying: z.boolean().optional(), ...matchFields }),
  z.object({ kind: z.literal('hangNext'), afterApplying: z.boolean().optional(), ...matchFields }),
  z.object({ kind: z.literal('latency'), ms: z.number().min(0) }),
  z.object({ kind: z.literal('expireToken') }),
  z.object({ kind: z.literal('clear') }),
]);
const recordingModeSchema = z.object({ mode: z.enum(['always', 'alwaysWithPause', 'onDemand', 'never']) });
const behaviourSchema = z.object({ number: z.string().min(1), behaviour: z.enum(['answer', 'noAnswer']) });
const muteCapableSchema = z.object({ callId: z.string().min(1), capable: z.boolean() });
const tokenSchema = z.object({ token: z.string().min(1) });
const addLineSchema = z.object({ id: z.string().min(1).optional(), memberType: z.enum(['VIRTUAL_LINE', 'PEOPLE', 'PLACE']).optional() });
const lineIdSchema = z.object({ lineOwnerId: z.string().min(1) });

/** zod's output marks optional keys `| undefined`; scenario parties are plain optional fields. */
function party(parsed: z.infer<typeof partySchema>): SimParty {
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as SimParty;
}

export interface SimRouteDeps {
  sim: SimulatedWebex;
  scenario: WebexScenario;
  faults: FaultPlan;
  tokens: TokenRegistry;
}

export function simRoutes({ sim, scenario, faults, tokens }: SimRouteDeps): ApiRoute[] {
  const withCallId = (act: (callId: string) => void) =>
    post('', (request): ApiAnswer => {
      act(callIdSchema.parse(request.body).callId);
      return NO_CONTENT;
    });
  const at = (path: string, route: ApiRoute): ApiRoute => ({ ...route, path });

  return [
    post('/ring', (request) => {
      const init = ringSchema.parse(request.body);
      const callId = scenario.ringUser({
        from: party(init.from),
        line: init.line,
        redirections: init.redirections?.map((r) => ({ reason: r.reason, by: party(r.by) })),
        recall: init.recall ? { party: party(init.recall.party) } : undefined,
        executive: init.executive ? party(init.executive) : undefined,
      });
      return { status: 200, body: { callId } };
    }),
    at(
      '/remote-answer',
      withCallId((id) => scenario.remoteAnswers(id)),
    ),
    at(
      '/remote-hold',
      withCallId((id) => scenario.remoteHolds(id)),
    ),
    at(
      '/remote-resume',
      withCallId((id) => scenario.remoteResumes(id)),
    ),
    at(
      '/remote-hangup',
      withCallId((id) => scenario.remoteHangsUp(id)),
    ),
    at(
      '/answered-elsewhere',
      withCallId((id) => scenario.answeredElsewhere(id)),
    ),
    at(
      '/answer-on-device',
      withCallId((id) => scenario.answerOnDevice(id)),
    ),
    post('/ring-colleague', (request) => {
      const init = colleagueRingSchema.parse(request.body);
      return { status: 200, body: { callId: scenario.ringColleague({ colleague: party(init.colleague), from: party(init.from) }) } };
    }),
    post('/colleague-in-call', (request) => {
      const init = colleagueInCallSchema.parse(request.body);
      return { status: 200, body: { callId: scenario.colleagueInCall({ colleague: party(init.colleague), remote: party(init.remote) }) } };
    }),
    post('/add-line', (request) => {
      const init = addLineSchema.parse(request.body);
      const lineOwnerId = scenario.addLine({
        ...(init.id === undefined ? {} : { id: init.id }),
        ...(init.memberType === undefined ? {} : { memberType: init.memberType }),
      });
      return { status: 200, body: { lineOwnerId } };
    }),
    post('/remove-line', (request) => {
      scenario.removeLine(lineIdSchema.parse(request.body).lineOwnerId);
      return NO_CONTENT;
    }),
    post('/faults', (request) => {
      applyFault(faults, faultSchema.parse(request.body));
      return NO_CONTENT;
    }),
    post('/recording-mode', (request) => {
      scenario.setRecordingMode(recordingModeSchema.parse(request.body).mode);
      return NO_CONTENT;
    }),
    post('/destination-behaviour', (request) => {
      const init = behaviourSchema.parse(request.body);
      scenario.setDestinationBehaviour(init.number, init.behaviour);
      return NO_CONTENT;
    }),
    post('/mute-capable', (request) => {
      const init = muteCapableSchema.parse(request.body);
      scenario.setMuteCapable(init.callId, init.capable);
      return NO_CONTENT;
    }),
    post('/accept-token', (request) => {
      tokens.accept(tokenSchema.parse(request.body).token);
      return NO_CONTENT;
    }),
    post('/revoke-token', (request) => {
      tokens.revoke(tokenSchema.parse(request.body).token);
      return NO_CONTENT;
    }),
    get('/state', () => ({ status: 200, body: sim.snapshot() })),
    post('/reset', () => {
      scenario.reset();
      return NO_CONTENT;
    }),
  ];
}

function applyFault(faults: FaultPlan, fault: z.infer<typeof faultSchema>): void {
  switch (fault.kind) {
    case 'latency':
      faults.latency(fault.ms);
      return;
    case 'expireToken':
      faults.expireToken();
      return;
    case 'clear':
      faults.clear();
      return;
    default: {
      const match = {
        path: fault.pathPattern !== undefined ? new RegExp(fault.pathPattern) : fault.path,
        method: fault.method,
        count: fault.count,
      };
      if (fault.kind === 'failNext') faults.failNext({ ...match, status: fault.status, retryAfterSeconds: fault.retryAfterSeconds });
      else if (fault.kind === 'dropNext') faults.dropNext({ ...match, afterApplying: fault.afterApplying });
      else faults.hangNext({ ...match, afterApplying: fault.afterApplying });
    }
  }
}
