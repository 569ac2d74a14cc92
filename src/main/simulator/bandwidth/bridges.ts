/**
 * Bridges (docs/wire/ringcentral-and-bandwidth.md §B5): up to two calls whose audio is joined
 * (`active`), or kept apart with bridgeAudio=false (`hold`); `created` with fewer than two calls.
 * Audio plays into a bridge. No HTTP here.
 */
import { readAudioBody } from './audio';
import { type JsonBody, optBoolean, optStringArray } from './body-fields';
import type { SimCalls } from './calls';
import { SimRefusal } from './errors';
import type { IdSource } from './ids';
import type { SimTimers } from './sim-timers';
import type { BridgeWire } from './wire-types';

interface SimBridge {
  id: string;
  callIds: string[];
  bridgeAudio: boolean;
  createdTime: string;
  activatedTime?: string;
  completedTime?: string;
  completed: boolean;
}

export class SimBridges {
  private readonly bridges = new Map<string, SimBridge>();

  constructor(
    private readonly timers: SimTimers,
    private readonly ids: IdSource,
    private readonly calls: SimCalls,
    private readonly userUrl: string,
  ) {
    // A bridge whose calls have all ended is completed.
    calls.onChange((call) => {
      if (call.state !== 'completed' || !call.bridgeId) return;
      const bridge = this.bridges.get(call.bridgeId);
      if (!bridge || bridge.completed) return;
      if (bridge.callIds.every((id) => this.calls.find(id)?.state === 'completed')) {
        bridge.completed = true;
        bridge.completedTime = this.timers.iso();
      }
    });
  }

  create(body: JsonBody): string {
    const bridge: SimBridge = {
      id: this.ids.make('brg'),
      callIds: [],
      bridgeAudio: true,
      createdTime: this.timers.iso(),
      completed: false,
    };
    this.apply(bridge, body);
    this.bridges.set(bridge.id, bridge);
    return bridge.id;
  }

  get(id: string): BridgeWire {
    return this.toWire(this.find(id));
  }

  update(id: string, body: JsonBody): void {
    const bridge = this.find(id);
    if (bridge.completed)
      throw new SimRefusal(400, 'bridge-invalid-state', `Unable to update bridge ${id}. Invalid bridge state completed`);
    this.apply(bridge, body);
  }

  callIdsOf(id: string): string[] {
    return this.find(id).callIds;
  }

  playAudio(id: string, body: JsonBody): void {
    const bridge = this.find(id);
    if (bridge.completed || bridge.callIds.length === 0)
      throw new SimRefusal(400, 'bridge-invalid-operation', `No active calls in the bridge ${id}`);
    this.calls.audio.apply(`bridge:${id}`, readAudioBody(body), () => undefined);
  }

  private apply(bridge: SimBridge, body: JsonBody): void {
    const callIds = optStringArray(body, 'callIds');
    const bridgeAudio = optBoolean(body, 'bridgeAudio');
    if (callIds !== undefined) {
      if (callIds.length > 2) throw new SimRefusal(403, 'bridge-callIds-overflow', 'A bridge holds at most two calls');
      for (const callId of callIds) {
        const call = this.calls.get(callId);
        if (call.state !== 'active') throw SimRefusal.invalidState(`A call in state ${call.state} cannot be bridged`);
        if (call.bridgeId && call.bridgeId !== bridge.id)
          throw new SimRefusal(400, 'bridge-bridged-callId', `The callId ${callId} is already in another bridge`);
      }
      for (const old of bridge.callIds) {
        const call = this.calls.find(old);
        if (call && !callIds.includes(old)) delete call.bridgeId;
      }
      for (const callId of callIds) this.calls.get(callId).bridgeId = bridge.id;
      bridge.callIds = [...callIds];
    }
    if (bridgeAudio !== undefined) bridge.bridgeAudio = bridgeAudio;
    if (bridge.callIds.length > 0 && !bridge.activatedTime) bridge.activatedTime = this.timers.iso();
  }

  private find(id: string): SimBridge {
    const bridge = this.bridges.get(id);
    if (!bridge) throw new SimRefusal(404, 'bridge-not-found', `The bridge ${id} could not be found`);
    return bridge;
  }

  private toWire(b: SimBridge): BridgeWire {
    const state: BridgeWire['state'] = b.completed ? 'completed' : b.callIds.length < 2 ? 'created' : b.bridgeAudio ? 'active' : 'hold';
    const wire: BridgeWire = {
      id: b.id,
      state,
      callIds: [...b.callIds],
      calls: `${this.userUrl}/bridges/${b.id}/calls`,
      bridgeAudio: b.bridgeAudio,
      createdTime: b.createdTime,
    };
    if (b.activatedTime) wire.activatedTime = b.activatedTime;
    if (b.completedTime) wire.completedTime = b.completedTime;
    return wire;
  }
}
