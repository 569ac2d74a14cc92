/**
 * The conferences part of the call store: every conference the provider last reported (none, one or
 * several at once, each by its id), with an overlay of conference commands sent but not yet confirmed
 * (`Conference.pending` for the host, a participant's `pending`), marked per conference. A change of
 * what the UI would show produces exactly one 'changed' with the whole list; a pending mark clears
 * when a snapshot shows its effect (conference-effects.ts) or after a timeout counted from when the
 * provider accepted the command, reported as expired.
 * Knows nothing of calls, HTTP, polling or electron.
 */
import type { Action, Conference } from '../../shared/domain';
import { deepEqual } from '../foundation/deep-equal';
import type { TimerHandle, Timers } from '../foundation/timers';
import { conferenceConfirms } from './conference-effects';

/** A conference command that was never confirmed; `callId` names the participant, none means the host. */
export interface ConferencePendingExpiry {
  conferenceId: string;
  action: Action;
  callId?: string;
  /** The conference as it stands when the wait ran out (undefined if it has ended meanwhile). */
  conference: Conference | undefined;
}

export interface ConferenceListOptions {
  timers: Timers;
  timeoutMs: number;
  changed(conferences: Conference[]): void;
  expired(expiry: ConferencePendingExpiry): void;
}

export interface ConferenceList {
  /** What the UI shows: the reported conferences with the pending overlay, in the provider's order. */
  all(): Conference[];
  get(conferenceId: string): Conference | undefined;
  /** The conferences as the provider reported them (what confirms a merge or an add). */
  reported(): readonly Conference[];
  /** Takes a snapshot's conferences and settles the marks they confirm; `commit` then emits. */
  update(conferences: readonly Conference[]): void;
  /** Emits 'changed' if what the UI would show differs from the last emitted list. */
  commit(): void;
  mark(conferenceId: string, action: Action, callId?: string): void;
  accept(conferenceId: string, action: Action, callId?: string): void;
  clear(conferenceId: string, action: Action, callId?: string): void;
  pending(conferenceId: string, callId?: string): Action | undefined;
  /** Stops every wait and forgets every conference (no emit: call `commit`). */
  reset(): void;
  dispose(): void;
}

interface Mark {
  conferenceId: string;
  callId?: string;
  action: Action;
  /** Started when the provider accepts the command, as for calls (call-store.ts `PendingMark`). */
  timer?: TimerHandle;
}

/** One subject per conference: its host, or one participant in it. */
const subject = (conferenceId: string, callId: string | undefined): string => JSON.stringify([conferenceId, callId ?? null]);

function withoutPending<T extends { pending?: Action }>(value: T): Omit<T, 'pending'> {
  const { pending: _fromProvider, ...rest } = value;
  return rest;
}

export function createConferenceList(options: ConferenceListOptions): ConferenceList {
  const { timers, timeoutMs } = options;
  let reported: Conference[] = [];
  let visible: Conference[] = [];
  const marks = new Map<string, Mark>();

  const find = (conferenceId: string): Conference | undefined => reported.find((c) => c.id === conferenceId);

  function overlay(conference: Conference): Conference {
    // A provider never decides what is pending: only commands sent from here are.
    const host = marks.get(subject(conference.id, undefined));
    return {
      ...withoutPending(conference),
      ...(host ? { pending: host.action } : {}),
      participants: conference.participants.map((p) => {
        const mark = marks.get(subject(conference.id, p.callId));
        return mark ? { ...withoutPending(p), pending: mark.action } : withoutPending(p);
      }),
    };
  }

  function commit(): void {
    const next = reported.map(overlay);
    if (deepEqual(visible, next)) return;
    visible = next;
    options.changed([...next]);
  }

  function stop(key: string): void {
    const mark = marks.get(key);
    if (!mark) return;
    if (mark.timer !== undefined) timers.clearTimeout(mark.timer);
    marks.delete(key);
  }

  function start(conferenceId: string, action: Action, callId: string | undefined): void {
    const key = subject(conferenceId, callId);
    stop(key);
    const timer = timers.setTimeout(() => {
      if (marks.get(key)?.action !== action) return;
      marks.delete(key);
      commit();
      options.expired({
        conferenceId,
        action,
        ...(callId === undefined ? {} : { callId }),
        conference: visible.find((c) => c.id === conferenceId),
      });
    }, timeoutMs);
    marks.set(key, { conferenceId, action, timer, ...(callId === undefined ? {} : { callId }) });
  }

  return {
    all: () => [...visible],
    get: (conferenceId) => visible.find((c) => c.id === conferenceId),
    reported: () => reported,

    update(conferences) {
      // A provider should never repeat an id; if one does, its last report wins (at its first place).
      reported = [...new Map(conferences.map((c) => [c.id, c])).values()];
      for (const [key, mark] of [...marks]) {
        if (conferenceConfirms(mark.action, mark.callId, find(mark.conferenceId))) stop(key);
      }
    },

    commit,

    mark(conferenceId, action, callId) {
      // Nothing to show a mark on: the command is still sent, and the next read tells the truth.
      const conference = find(conferenceId);
      if (!conference) return;
      if (callId !== undefined && !conference.participants.some((p) => p.callId === callId)) return;
      const key = subject(conferenceId, callId);
      stop(key);
      marks.set(key, { conferenceId, action, ...(callId === undefined ? {} : { callId }) });
      commit();
    },

    accept(conferenceId, action, callId) {
      if (marks.get(subject(conferenceId, callId))?.action !== action) return;
      start(conferenceId, action, callId);
    },

    clear(conferenceId, action, callId) {
      const key = subject(conferenceId, callId);
      if (marks.get(key)?.action !== action) return;
      stop(key);
      commit();
    },

    pending: (conferenceId, callId) => marks.get(subject(conferenceId, callId))?.action,

    reset() {
      for (const key of [...marks.keys()]) stop(key);
      reported = [];
    },

    dispose() {
      for (const key of [...marks.keys()]) stop(key);
    },
  };
}
