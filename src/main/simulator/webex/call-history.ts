/**
 * The user's call history as GET /telephony/calls/history answers it: placed, missed and received
 * records, newest first, at most 20 per type (docs/wire/webex-calling.md §2, §4). No call state here.
 */
import type { WireHistoryRecord } from './wire';
import type { SimParty } from './types';

export type HistoryType = 'placed' | 'missed' | 'received';
export const HISTORY_LIMIT_PER_TYPE = 20;

export class CallHistory {
  /** Newest first. */
  private records: WireHistoryRecord[] = [];

  add(type: HistoryType, party: SimParty, time: string): void {
    const privacy = party.privacyEnabled ?? false;
    const record: WireHistoryRecord = { type, privacyEnabled: privacy, time };
    if (!privacy && party.name !== undefined) record.name = party.name;
    if (!privacy && party.number !== undefined) record.number = party.number;
    this.records.unshift(record);
    const ofType = this.records.filter((r) => r.type === type);
    if (ofType.length > HISTORY_LIMIT_PER_TYPE) {
      const oldest = ofType[ofType.length - 1];
      this.records = this.records.filter((r) => r !== oldest);
    }
  }

  list(type?: HistoryType): WireHistoryRecord[] {
    return this.records.filter((r) => type === undefined || r.type === type).map((r) => ({ ...r }));
  }

  clear(): void {
    this.records = [];
  }
}
