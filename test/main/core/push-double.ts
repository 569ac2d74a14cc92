// A push channel the test drives by hand: it counts openings and closings, and the test makes the
// current opening connect, push updates, reconnect or fail, as a provider's WebSocket would.
import type { Call } from '../../../src/shared/domain';
import type { PushChannel, PushHandle, PushSink, PushUpdate } from '../../../src/main/provider-api/provider';

interface Opening {
  sink: PushSink;
  closed: boolean;
}

export class FakePushChannel implements PushChannel {
  readonly openings: Opening[] = [];
  /** When set, open throws this (a channel that cannot even start). */
  openThrows: unknown = undefined;
  /** When set, open reports this failure before it even returns. */
  failsWhileOpening: unknown = undefined;

  open(sink: PushSink): PushHandle {
    if (this.openThrows !== undefined) throw this.openThrows;
    const opening: Opening = { sink, closed: false };
    this.openings.push(opening);
    if (this.failsWhileOpening !== undefined) sink.failed(this.failsWhileOpening);
    return {
      close: () => {
        opening.closed = true;
      },
    };
  }

  /** How many openings are open now (the core should never hold more than one). */
  openCount(): number {
    return this.openings.filter((o) => !o.closed).length;
  }

  private current(): PushSink {
    const opening = this.openings.at(-1);
    if (!opening || opening.closed) throw new Error('The push channel is not open.');
    return opening.sink;
  }

  connect(): void {
    this.current().connected();
  }

  reconnect(): void {
    this.current().reconnected();
  }

  fail(error: unknown): void {
    this.current().failed(error);
  }

  send(update: PushUpdate): void {
    this.current().update(update);
  }

  callUpdated(call: Call): void {
    this.send({ kind: 'callUpdated', call });
  }

  callRemoved(callId: string): void {
    this.send({ kind: 'callRemoved', callId });
  }
}
