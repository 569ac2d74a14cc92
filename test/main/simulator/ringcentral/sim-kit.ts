/**
 * Raw HTTP and WebSocket access to the RingCentral simulator for its own tests (no client code): JSON
 * and form requests with a bearer token, and a WebSocket that collects frames.
 */
import {
  startRingCentralSimulator,
  type RingCentralSimulator,
  type RingCentralSimulatorOptions,
} from '../../../../src/main/simulator/ringcentral';
import { HandTimers } from '../../../support/hand-timers';

export const TOKEN = 'rc-sim-access-token';
export const TEL = '/restapi/v1.0/account/~/telephony';

/**
 * The simulator's JSON answers, read field by field in assertions (each test checks the fields it
 * reads, so a loose type is what a raw wire test wants).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw wire JSON in test assertions
type Json = any;

export interface SimKit {
  sim: RingCentralSimulator;
  timers: HandTimers;
  call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Json; headers: Headers }>;
  form(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<{ status: number; body: Json }>;
  myParty(sid: string): string;
}

export async function startSimKit(options: RingCentralSimulatorOptions = {}): Promise<SimKit> {
  const timers = new HandTimers();
  const sim = await startRingCentralSimulator({ timers, ...options });
  return {
    sim,
    timers,
    async call(method, path, body, token = TOKEN) {
      const response = await fetch(`${sim.baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
    async form(path, fields, headers = {}) {
      const response = await fetch(`${sim.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    myParty(sid) {
      const party = sim.session(sid)?.parties.find((p) => p.extensionId === sim.me.extensionId);
      if (!party) throw new Error('no party of mine');
      return party.id;
    },
  };
}
