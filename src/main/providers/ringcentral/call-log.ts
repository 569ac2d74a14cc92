/**
 * RingCentral call-log records → the domain's history entries (docs/wire/ringcentral-and-bandwidth.md
 * §A6): an outbound call was placed; an inbound call was missed when its result says nobody took it
 * (missed, sent to voicemail, rejected, unanswered, abandoned), received otherwise. A record of a call
 * still under way is left out (the call list shows it). Pure mapping; no requests here.
 */
import type { HistoryEntry, HistoryType } from '../../../shared/domain';
import type { WireCallLogCaller, WireCallLogRecord } from './wire';

/** Inbound results that mean the user did not take the call (compared in lower case). */
const MISSED_RESULTS = new Set(['missed', 'voicemail', 'rejected', 'no answer', 'abandoned', 'declined', 'hang up', 'busy']);

/** Results of a record whose call has not ended yet. */
const IN_PROGRESS_RESULTS = new Set(['resultinprogress', 'in progress']);

function historyType(record: WireCallLogRecord): HistoryType | undefined {
  if (record.direction === 'Outbound') return 'placed';
  if (record.direction !== 'Inbound') return undefined;
  const result = (record.result ?? '').trim().toLowerCase();
  return MISSED_RESULTS.has(result) ? 'missed' : 'received';
}

/** The far end: who called (inbound) or whom the user called (outbound). */
function farEnd(record: WireCallLogRecord): WireCallLogCaller | undefined {
  return record.direction === 'Outbound' ? record.to : record.from;
}

/** A record as a history entry; undefined for a call still under way or one with no direction. */
export function toHistoryEntry(record: WireCallLogRecord): HistoryEntry | undefined {
  if (IN_PROGRESS_RESULTS.has((record.result ?? '').trim().toLowerCase())) return undefined;
  const type = historyType(record);
  if (!type) return undefined;
  const party = farEnd(record);
  const number = party?.phoneNumber || party?.extensionNumber;
  const name = party?.name?.trim();
  // A caller who withheld their number arrives with neither number nor extension.
  const entry: HistoryEntry = { type, privacy: !number, time: record.startTime };
  if (number) entry.number = number;
  if (name) entry.name = name;
  return entry;
}
