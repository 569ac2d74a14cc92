/**
 * Pull (move the user's call to another of their devices through a temporary call that alerts it)
 * and push (hand an assistant's call to the executive it is associated with). No HTTP here.
 */
import type { CallStateMachine } from './call-state-machine';
import { SimRefusal } from './errors';

export class DeviceFeatures {
  constructor(private readonly machine: CallStateMachine) {}

  pull(endpointId: string | undefined): { callId: string; callSessionId: string } {
    const endpoint = this.machine.resolveEndpoint(endpointId);
    const original = this.machine.list().find((c) => c.state === 'connected');
    if (!original) throw SimRefusal.stateForbids('There is no connected call to pull');
    const temporary = this.machine.startClickToDial({
      remote: original.remote,
      sessionId: original.sessionId,
      endpoint,
      holdsOthersOnAnswer: false,
      // Once the new device answers, the temporary call is released and the call carries on there.
      onAnswered: (answered) => {
        this.machine.endCall(answered, { recordHistory: false });
        if (this.machine.find(original.id) !== undefined) {
          original.endpoint = { id: endpoint.id, type: endpoint.type };
          this.machine.emit(original, 'updated');
        }
      },
    });
    return { callId: temporary.id, callSessionId: temporary.sessionId };
  }

  push(callId: string | undefined): void {
    const call = this.machine.requireOrOnlyAnswered(callId, 'Push');
    if (call.executive === undefined) throw SimRefusal.stateForbids('Push requires a call that is associated with an executive');
    if (call.state === 'alerting' && call.personality === 'clickToDial')
      throw SimRefusal.stateForbids('Push requires an incoming or answered call');
    this.machine.endCall(call, { before: ['transferred'], recordHistory: false });
  }
}
