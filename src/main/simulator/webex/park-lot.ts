/**
 * Calls the user parked: against whom, who the parked remote party is, and the recall timer that
 * rings the parker back. Knows nothing about HTTP or events.
 */
import type { TimerHandle } from './timer-set';
import type { SimParty } from './types';

export interface ParkedCall {
  readonly parkedAgainst: SimParty;
  readonly remote: SimParty;
  readonly sessionId: string;
  recallTimer?: TimerHandle;
}

export class ParkLot {
  private readonly parked: ParkedCall[] = [];

  add(entry: ParkedCall): void {
    this.parked.push(entry);
  }

  find(isTarget: (parkedAgainst: SimParty) => boolean): ParkedCall | undefined {
    return this.parked.find((p) => isTarget(p.parkedAgainst));
  }

  remove(entry: ParkedCall): void {
    const index = this.parked.indexOf(entry);
    if (index >= 0) this.parked.splice(index, 1);
  }

  includes(entry: ParkedCall): boolean {
    return this.parked.includes(entry);
  }

  list(): readonly ParkedCall[] {
    return this.parked;
  }

  clear(): void {
    this.parked.length = 0;
  }
}
