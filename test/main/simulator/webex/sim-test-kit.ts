/**
 * Shared by the simulator tests: start a simulator with short timers, talk to it over real HTTP like
 * a client would, and wait for the telephony_calls event that marks a change.
 */
import type { WireCall, WireCallEvent } from '../../../../src/main/simulator/webex/wire';
import type { WebexSimulator, WebexSimulatorOptions } from '../../../../src/main/simulator/webex';
import { startWebexSimulator } from '../../../../src/main/simulator/webex';

export const TOKEN = 'sim-access-token';

export interface ApiResult {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function startSim(options: WebexSimulatorOptions = {}): Promise<WebexSimulator> {
  // No park recall unless a test asks for one: a recall after a real 50 ms would race a slow machine.
  return startWebexSimulator({ farEndAnswerMs: 20, parkRecallMs: 60_000, ...options });
}

export async function api(
  sim: WebexSimulator,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = TOKEN,
): Promise<ApiResult> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), headers: response.headers };
}

/** POST a call command and return the result. */
export function command(sim: WebexSimulator, name: string, body: unknown = {}): Promise<ApiResult> {
  return api(sim, 'POST', `/telephony/calls/${name}`, body);
}

export async function listCalls(sim: WebexSimulator): Promise<WireCall[]> {
  const result = await api(sim, 'GET', '/telephony/calls');
  return (result.body as { items: WireCall[] }).items;
}

export async function getCall(sim: WebexSimulator, callId: string): Promise<WireCall> {
  const result = await api(sim, 'GET', `/telephony/calls/${callId}`);
  if (result.status !== 200) throw new Error(`GET call answered ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body as WireCall;
}

export function errorCodeOf(result: ApiResult): number | undefined {
  const body = result.body as { errors?: { errorCode?: number }[] } | undefined;
  return body?.errors?.[0]?.errorCode;
}

export function descriptionOf(result: ApiResult): string | undefined {
  const body = result.body as { errors?: { description?: string }[] } | undefined;
  return body?.errors?.[0]?.description;
}

/** Resolves with the first event (from now on) that matches; rejects after a generous limit so a broken flow fails instead of hanging. */
export function nextEvent(sim: WebexSimulator, matches: (event: WireCallEvent) => boolean, limitMs = 5000): Promise<WireCallEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('no matching telephony_calls event arrived'));
    }, limitMs);
    const unsubscribe = sim.onEvent((event) => {
      if (!matches(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}

export function eventFor(callId: string, eventType: string): (event: WireCallEvent) => boolean {
  return (event) => event.data.callId === callId && event.data.eventType === eventType;
}

/** Collects every event from now on. */
export function recordEvents(sim: WebexSimulator): WireCallEvent[] {
  const events: WireCallEvent[] = [];
  sim.onEvent((event) => events.push(event));
  return events;
}

/** Dial, answer on the user's device, and wait until the far end has answered. */
export async function connectedOutgoingCall(sim: WebexSimulator, destination: string): Promise<string> {
  const dial = await command(sim, 'dial', { destination });
  const { callId } = dial.body as { callId: string };
  const answered = nextEvent(sim, eventFor(callId, 'answered'));
  await command(sim, 'answer', { callId });
  await answered;
  return callId;
}

/** An incoming call the user has answered. */
export async function connectedIncomingCall(
  sim: WebexSimulator,
  from: { name?: string; number?: string } = { name: 'Casey Caller', number: '+14155550199' },
): Promise<string> {
  const callId = sim.scenario.ringUser({ from });
  const result = await command(sim, 'answer', { callId });
  if (result.status !== 204) throw new Error(`answer answered ${result.status}`);
  return callId;
}
