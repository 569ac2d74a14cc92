/**
 * Sentences about a call that several windows share: which line, how long it has lasted, the popup's
 * spoken announcement. Who and why come from src/shared/party-text.ts (the tray and notifications use it too). Pure functions of domain values; no DOM, no bridge.
 */
import type { Call, HistoryEntry, Line } from '../shared/domain';
import { partyTitle, reachReason } from '../shared/party-text';

/** Which line the call is on, when it is not simply the primary line; by the account's label for it when known. */
export function lineText(call: Pick<Call, 'line' | 'appearance'>, lines: readonly Line[] = []): string | undefined {
  const label = call.line ? (lines.find((l) => l.id === call.line)?.label ?? 'Shared line') : undefined;
  if (label && call.appearance !== undefined) return `${label}, line key ${call.appearance}`;
  if (label) return label;
  if (call.appearance !== undefined && call.appearance > 1) return `Line ${call.appearance}`;
  return undefined;
}

/** What a screen reader says when a call starts ringing. */
export function incomingAnnouncement(call: Call): string {
  const reason = reachReason(call);
  const base = `Incoming call from ${partyTitle(call.remote)}`;
  return reason ? `${base}, ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` : base;
}

/** 0:07, 12:30, 1:02:03. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** How long the call has been up (or lasted), or undefined while it has not been answered. */
export function callDuration(call: Pick<Call, 'state' | 'answeredAt' | 'endedAt'>, now: number): string | undefined {
  if (!call.answeredAt) return undefined;
  const start = Date.parse(call.answeredAt);
  if (Number.isNaN(start)) return undefined;
  const end = call.state === 'disconnected' && call.endedAt ? Date.parse(call.endedAt) : now;
  return formatDuration((Number.isNaN(end) ? now : end) - start);
}

/** A history row's time: just the clock for today, the date otherwise. */
export function historyTime(entry: Pick<HistoryEntry, 'time'>, now: Date = new Date()): string {
  const time = new Date(entry.time);
  if (Number.isNaN(time.getTime())) return '';
  const sameDay = time.toDateString() === now.toDateString();
  return sameDay
    ? time.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : time.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}
