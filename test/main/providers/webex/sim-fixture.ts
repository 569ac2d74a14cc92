/**
 * A Webex simulator plus a provider and client pointed at it over loopback, with short timers, and
 * small readers for what reached the wire. Shared by the Webex provider tests; not a test itself.
 */
import { staticTokenSource } from '../../../../src/main/provider-api/token-source';
import { createWebexClient, createWebexProvider } from '../../../../src/main/providers/webex';
import type { WebexClient } from '../../../../src/main/providers/webex/client';
import type { WebexProvider } from '../../../../src/main/providers/webex/provider';
import { startWebexSimulator } from '../../../../src/main/simulator/webex';
import type { RecordedRequest, WebexSimulator, WebexSimulatorOptions } from '../../../../src/main/simulator/webex/types';

export const SIM_TOKEN = 'sim-access-token';

export interface SimFixture {
  sim: WebexSimulator;
  provider: WebexProvider;
  client: WebexClient;
  /** A provider that watches and commands a secondary line by default. */
  lineProvider(lineOwnerId: string): WebexProvider;
  /** Requests that arrive from now on (call `.read()` after the action). */
  mark(): { read(): RecordedRequest[] };
  /** An incoming call (on my own line, or the secondary line given) answered on the desk phone (no API request). */
  connectedCall(from?: { name?: string; number?: string }, line?: string): string;
  close(): Promise<void>;
}

export async function startSimFixture(options: WebexSimulatorOptions = {}): Promise<SimFixture> {
  const sim = await startWebexSimulator({ farEndAnswerMs: null, parkRecallMs: 60_000, ...options });
  const tokens = staticTokenSource(options.token ?? SIM_TOKEN, 'Webex');
  const provider = createWebexProvider({ baseUrl: sim.baseUrl, tokens });
  const client = createWebexClient({ baseUrl: sim.baseUrl, tokens });
  return {
    sim,
    provider,
    client,
    lineProvider: (lineOwnerId) => createWebexProvider({ baseUrl: sim.baseUrl, tokens, lineOwnerId }),
    mark() {
      const start = sim.requests.length;
      return { read: () => sim.requests.slice(start) };
    },
    connectedCall(from = { name: 'Ada Lovelace', number: '+15550100' }, line) {
      const id = sim.scenario.ringUser({ from: { ...from, callType: 'external' }, line });
      sim.scenario.answerOnDevice(id);
      return id;
    },
    close: () => sim.close(),
  };
}

/** A fixture whose simulated user has these secondary lines (ids as given) on the desk phone. */
export function startLinesFixture(...lineIds: string[]): Promise<SimFixture> {
  return startSimFixture({ secondaryLines: lineIds.map((id) => ({ id })) });
}

export function wireCall(sim: WebexSimulator, callId: string) {
  return sim.listCalls().find((c) => c.id === callId);
}

/** Method, path and body of requests, for comparing what reached the wire. */
export function onWire(requests: RecordedRequest[]) {
  return requests.map((r) => ({ method: r.method, path: r.path, body: r.body }));
}

/** The paths requests went to, sorted, for reads whose requests may leave in any order. */
export function sortedPaths(requests: RecordedRequest[]): string[] {
  return requests.map((r) => r.path).sort();
}
