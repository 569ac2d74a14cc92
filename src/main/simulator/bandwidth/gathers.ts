/**
 * DTMF gathers on a call (docs/wire/ringcentral-and-bandwidth.md §B2): one `started` gather per call;
 * it completes on maxDigits, on a terminating digit (not kept in `digits`), after interDigitTimeout
 * seconds without a digit, when the call hangs up, or when the client sets state=completed.
 * No HTTP here.
 */
import { readAudioBody } from './audio';
import { type JsonBody, optNumber, optString } from './body-fields';
import type { SimCall, SimCalls } from './calls';
import { SimRefusal } from './errors';
import type { IdSource } from './ids';
import type { SimTimers } from './sim-timers';
import type { GatherReasonWire, GatherWire } from './wire-types';

interface SimGather {
  id: string;
  callId: string;
  state: 'started' | 'completed';
  reason?: GatherReasonWire;
  digits: string;
  maxDigits: number;
  interDigitTimeoutS: number;
  terminatingDigits: string;
  tag?: string;
  createdTime: string;
  completedTime?: string;
  timer?: symbol;
}

export class SimGathers {
  private readonly gathers = new Map<string, SimGather>();

  constructor(
    private readonly timers: SimTimers,
    private readonly ids: IdSource,
    private readonly calls: SimCalls,
    private readonly callUrl: (id: string) => string,
  ) {
    calls.onChange((call) => {
      if (call.state !== 'completed' && call.state !== 'rejected') return;
      for (const gather of this.gathers.values())
        if (gather.callId === call.id && gather.state === 'started') this.complete(gather, 'hung-up');
    });
  }

  create(callId: string, body: JsonBody): string {
    const call = this.calls.get(callId);
    if (call.state !== 'active') throw SimRefusal.invalidState(`Digits cannot be gathered on a call in state ${call.state}`);
    if ([...this.gathers.values()].some((g) => g.callId === callId && g.state === 'started')) {
      throw new SimRefusal(409, 'call-duplicate-gather-error', 'A gather is already running on this call');
    }
    const maxDigits = optNumber(body, 'maxDigits') ?? 30;
    if (!Number.isInteger(maxDigits) || maxDigits < 1 || maxDigits > 30)
      throw SimRefusal.invalid('maxDigits must be a whole number from 1 to 30');
    const interDigitTimeoutS = optNumber(body, 'interDigitTimeout') ?? 5;
    if (interDigitTimeoutS < 1 || interDigitTimeoutS > 30) throw SimRefusal.invalid('interDigitTimeout must be between 1 and 30 seconds');
    const terminatingDigits = optString(body, 'terminatingDigits') ?? '#';
    if (!/^[0-9*#]*$/.test(terminatingDigits)) throw SimRefusal.invalid('terminatingDigits may contain only 0-9, * and #');
    const gather: SimGather = {
      id: this.ids.make('g'),
      callId,
      state: 'started',
      digits: '',
      maxDigits,
      interDigitTimeoutS,
      terminatingDigits,
      tag: optString(body, 'tag'),
      createdTime: this.timers.iso(),
    };
    const prompt = body.prompt;
    if (prompt !== undefined && prompt !== null) {
      if (typeof prompt !== 'object' || Array.isArray(prompt)) throw SimRefusal.invalid('prompt must be an audio object');
      const order = readAudioBody(prompt as JsonBody);
      this.calls.audio.apply(`call:${callId}`, order, (kind, status) => this.calls.event(call, kind, status));
    }
    this.gathers.set(gather.id, gather);
    this.armTimeout(gather);
    this.calls.event(call, 'gather', 'started');
    return gather.id;
  }

  get(callId: string, id: string): GatherWire {
    return this.toWire(this.find(callId, id));
  }

  /** POST …/gather/{id}: `{"state":"completed"}` is the only update Catapult allows. */
  update(callId: string, id: string, body: JsonBody): void {
    const gather = this.find(callId, id);
    const state = optString(body, 'state');
    if (state !== 'completed') throw SimRefusal.invalid('The only change a gather takes is state=completed');
    if (gather.state === 'started') this.complete(gather, undefined);
  }

  /** The far end presses keys: each digit in turn, as a gather would hear them. */
  press(callId: string, keys: string): void {
    const call = this.calls.get(callId);
    for (const key of keys) {
      this.calls.event(call, 'dtmf', key);
      const gather = [...this.gathers.values()].find((g) => g.callId === callId && g.state === 'started');
      if (!gather) continue;
      if (gather.terminatingDigits.includes(key)) {
        this.complete(gather, 'terminating-digit');
        continue;
      }
      gather.digits += key;
      if (gather.digits.length >= gather.maxDigits) this.complete(gather, 'max-digits');
      else this.armTimeout(gather);
    }
  }

  close(): void {
    for (const gather of this.gathers.values()) this.timers.cancel(gather.timer);
  }

  private find(callId: string, id: string): SimGather {
    this.calls.get(callId);
    const gather = this.gathers.get(id);
    if (!gather || gather.callId !== callId) throw new SimRefusal(404, 'gather-not-found', `The gather ${id} could not be found`);
    return gather;
  }

  private armTimeout(gather: SimGather): void {
    this.timers.cancel(gather.timer);
    gather.timer = this.timers.after(gather.interDigitTimeoutS * 1000, () => {
      if (gather.state === 'started') this.complete(gather, 'inter-digit-timeout');
    });
  }

  private complete(gather: SimGather, reason: GatherReasonWire | undefined): void {
    this.timers.cancel(gather.timer);
    gather.state = 'completed';
    gather.reason = reason;
    gather.completedTime = this.timers.iso();
    const call: SimCall | undefined = this.calls.find(gather.callId);
    if (call) this.calls.event(call, 'gather', `completed:${reason ?? 'cancelled'}`);
  }

  private toWire(gather: SimGather): GatherWire {
    const wire: GatherWire = {
      id: gather.id,
      state: gather.state,
      reason: gather.reason ?? null,
      digits: gather.state === 'completed' ? gather.digits : null,
      call: this.callUrl(gather.callId),
      createdTime: gather.createdTime,
      tag: gather.tag ?? null,
    };
    if (gather.completedTime) wire.completedTime = gather.completedTime;
    return wire;
  }
}
