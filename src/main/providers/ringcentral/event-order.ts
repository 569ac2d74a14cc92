/**
 * Keeps telephony-session notifications in order per party (docs/wire/ringcentral-and-bandwidth.md §A4,
 * the CCJS rule): a party's update is applied only when the event's `sequence` is newer than the last
 * one applied for that party id, so a duplicate (e.g. replayed after recovery) or an older, overtaken
 * event is dropped. Bounded memory: the least recently updated parties are forgotten first.
 */
import type { WireSessionEvent } from './wire';

const DEFAULT_CAPACITY = 2000;

export class PartySequences {
  private readonly last = new Map<string, number>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** The event with only the parties it moves forward, or undefined when it moves none. */
  accept(event: WireSessionEvent): WireSessionEvent | undefined {
    const fresh = event.parties.filter((party) => {
      const seen = this.last.get(party.id);
      return seen === undefined || event.sequence > seen;
    });
    if (fresh.length === 0) return undefined;
    for (const party of fresh) {
      this.last.delete(party.id);
      this.last.set(party.id, event.sequence);
    }
    while (this.last.size > this.capacity) {
      const oldest = this.last.keys().next().value;
      if (oldest === undefined) break;
      this.last.delete(oldest);
    }
    return fresh.length === event.parties.length ? event : { ...event, parties: fresh };
  }

  clear(): void {
    this.last.clear();
  }
}
