/**
 * The domain state of the core: the user's calls and conferences as the provider last reported them,
 * with an overlay of commands sent but not yet confirmed (`Call.pending`, and `Conference.pending` /
 * a participant's `pending` for conference commands, kept per conference by conference-list.ts).
 * Every change of what the UI would show produces exactly one diff (and one 'conferences' event with
 * the whole list); a snapshot that changes nothing produces none. A
 * pending mark clears when a snapshot shows its effect (pending-effects.ts, conference-effects.ts) or
 * after a timeout counted from when the provider accepted the command, which is reported as
 * 'pendingExpired' / 'conferencePendingExpired' so the core can
 * tell the user and re-read. Knows nothing of HTTP, polling or electron.
 */
import type { Action, Call, Conference } from '../../shared/domain';
import type { CallSnapshot, PushUpdate } from '../provider-api/provider';
import { createConferenceList, type ConferencePendingExpiry } from './conference-list';
import { deepEqual } from '../foundation/deep-equal';
import { confirms, isSlow, settlesOnSuccess } from './pending-effects';
import { realTimers, type TimerHandle, type Timers } from '../foundation/timers';
import { createEmitter, type Listener, type Unsubscribe } from '../foundation/typed-emitter';

export interface CallDiff {
  added: Call[];
  updated: Call[];
  /** Calls no longer reported, in their last known state. */
  removed: Call[];
  /** The whole list after the change. */
  calls: Call[];
}

export interface PendingExpiry {
  callId: string;
  action: Action;
  /** The call as it stands when the wait ran out (undefined if it has gone meanwhile). */
  call: Call | undefined;
}

export type { ConferencePendingExpiry } from './conference-list';

export interface CallStoreEvents {
  diff: CallDiff;
  /** Every conference now (the whole list), whenever what the UI would show of any of them changed. */
  conferences: Conference[];
  pendingExpired: PendingExpiry;
  conferencePendingExpired: ConferencePendingExpiry;
}

export interface CallStoreOptions {
  /** How long a sent command may wait for a snapshot that confirms it (default 8 s). */
  pendingTimeoutMs?: number;
  /** The same for slow actions such as mute transfer, which waits for the far end to answer (default 60 s). */
  slowPendingTimeoutMs?: number;
  timers?: Timers;
}

export interface CallStore {
  calls(): Call[];
  call(callId: string): Call | undefined;
  conferences(): Conference[];
  conference(conferenceId: string): Conference | undefined;
  hasPending(): boolean;
  /** Reduces a full provider snapshot; returns (and emits) the diff, or null when nothing changed. */
  applySnapshot(snapshot: CallSnapshot): CallDiff | null;
  /** One call as the provider reports it now (new or changed); returns (and emits) the diff, or null. */
  upsertCall(call: Call): CallDiff | null;
  /** The provider reports the call gone; returns (and emits) the diff, or null when it was not listed. */
  removeCall(callId: string): CallDiff | null;
  /** The conference part of a snapshot, reported on its own (a push update). */
  applyConferenceUpdate(update: Omit<CallSnapshot, 'calls'>): void;
  /** A push update of any kind: upsertCall, removeCall or applyConferenceUpdate. */
  applyUpdate(update: PushUpdate): void;
  /** A command for `action` is about to be sent for the call: mark it pending (no wait yet: see acceptPending). */
  markPending(callId: string, action: Action): CallDiff | null;
  /**
   * The provider accepted the command. Actions with no state to watch (DTMF) are done now; for the
   * others the wait for a snapshot that shows the effect starts now.
   */
  acceptPending(callId: string, action: Action): CallDiff | null;
  /** Drops the pending mark (only if it is still for `action`, when given). */
  clearPending(callId: string, action?: Action): CallDiff | null;
  /** A command for `action` is about to be sent to that conference, for the host (no callId) or a participant. */
  markConferencePending(conferenceId: string, action: Action, callId?: string): void;
  /** The provider accepted it: wait afresh for a snapshot that shows the effect. */
  acceptConferencePending(conferenceId: string, action: Action, callId?: string): void;
  /** Drops the mark if it is still for `action`. */
  clearConferencePending(conferenceId: string, action: Action, callId?: string): void;
  /** What is pending in that conference for the host (no callId) or that participant. */
  conferencePending(conferenceId: string, callId?: string): Action | undefined;
  /** Forgets every call and conference (sign-out). */
  reset(): CallDiff | null;
  on<K extends keyof CallStoreEvents>(event: K, listener: Listener<CallStoreEvents[K]>): Unsubscribe;
  /** Stops the pending timers. */
  dispose(): void;
}

interface PendingMark {
  action: Action;
  /**
   * The wait for a confirming state, started only once the provider has accepted the command: while the
   * command is still on its way (a rate-limit wait, a token refresh) its own Result is what the user
   * will be told, and a "not confirmed" notice then would contradict it.
   */
  timer?: TimerHandle;
}

export function createCallStore(options: CallStoreOptions = {}): CallStore {
  const timers = options.timers ?? realTimers;
  const timeoutMs = options.pendingTimeoutMs ?? 8_000;
  const slowTimeoutMs = Math.max(options.slowPendingTimeoutMs ?? 60_000, timeoutMs);
  const emitter = createEmitter<CallStoreEvents>();

  /** The provider's view, in snapshot order. */
  let reported: Call[] = [];
  const pending = new Map<string, PendingMark>();
  /** What was last emitted: reported + pending overlay. */
  let visible: Call[] = [];
  const conferenceList = createConferenceList({
    timers,
    timeoutMs,
    changed: (conferences) => emitter.emit('conferences', conferences),
    expired: (expiry) => emitter.emit('conferencePendingExpired', expiry),
  });

  function overlay(call: Call): Call {
    // A provider never decides what is pending: only commands sent from here are.
    const { pending: _fromProvider, ...rest } = call;
    const mark = pending.get(call.id);
    return mark ? { ...rest, pending: mark.action } : rest;
  }

  function stripPending(call: Call): Call {
    const { pending: _overlay, ...rest } = call;
    return rest;
  }

  /** Recomputes what the UI sees and emits one diff if anything differs from the last one. */
  function commit(): CallDiff | null {
    const next = reported.map(overlay);
    const before = new Map(visible.map((c) => [c.id, c]));
    const nextIds = new Set(next.map((c) => c.id));
    const added: Call[] = [];
    const updated: Call[] = [];
    for (const call of next) {
      const old = before.get(call.id);
      if (!old) added.push(call);
      else if (!deepEqual(old, call)) updated.push(call);
    }
    const removed = visible.filter((c) => !nextIds.has(c.id)).map(stripPending);
    const orderChanged = !added.length && !removed.length && next.some((c, i) => visible[i]?.id !== c.id);
    visible = next;
    if (!added.length && !updated.length && !removed.length && !orderChanged) return null;
    const diff: CallDiff = { added, updated, removed, calls: [...next] };
    emitter.emit('diff', diff);
    return diff;
  }

  function stopWaiting(callId: string): void {
    const mark = pending.get(callId);
    if (!mark) return;
    if (mark.timer !== undefined) timers.clearTimeout(mark.timer);
    pending.delete(callId);
  }

  function startWaiting(callId: string, action: Action): void {
    stopWaiting(callId);
    const timer = timers.setTimeout(() => expire(callId, action), isSlow(action) ? slowTimeoutMs : timeoutMs);
    pending.set(callId, { action, timer });
  }

  function expire(callId: string, action: Action): void {
    const mark = pending.get(callId);
    if (!mark || mark.action !== action) return;
    pending.delete(callId);
    commit();
    emitter.emit('pendingExpired', { callId, action, call: visible.find((c) => c.id === callId) });
  }

  /** Clears the call marks whose effect the reported calls (and conferences) now show. */
  function settleCallMarks(): void {
    for (const [callId, mark] of [...pending]) {
      if (
        confirms(
          mark.action,
          reported.find((c) => c.id === callId),
          conferenceList.reported(),
        )
      )
        stopWaiting(callId);
    }
  }

  function upsertCall(call: Call): CallDiff | null {
    const at = reported.findIndex((c) => c.id === call.id);
    reported = at < 0 ? [...reported, call] : reported.map((c, i) => (i === at ? call : c));
    const mark = pending.get(call.id);
    if (mark && confirms(mark.action, call, conferenceList.reported())) stopWaiting(call.id);
    return commit();
  }

  function removeCall(callId: string): CallDiff | null {
    reported = reported.filter((c) => c.id !== callId);
    // A call that is gone settles whatever was pending on it (pending-effects.ts `confirms`).
    stopWaiting(callId);
    return commit();
  }

  function applyConferenceUpdate(update: Omit<CallSnapshot, 'calls'>): void {
    conferenceList.update(update.conferences ?? []);
    // A merge or an add is confirmed by a conference, so call marks may settle too.
    settleCallMarks();
    commit();
    conferenceList.commit();
  }

  return {
    calls: () => [...visible],
    call: (callId) => visible.find((c) => c.id === callId),
    conferences: () => conferenceList.all(),
    conference: (conferenceId) => conferenceList.get(conferenceId),
    hasPending: () => pending.size > 0,

    applySnapshot(snapshot) {
      // A provider should never repeat an id; if one does, its last report wins (at its first place).
      const byId = new Map(snapshot.calls.map((c) => [c.id, c]));
      reported = [...byId.values()];
      conferenceList.update(snapshot.conferences ?? []);
      settleCallMarks();
      const diff = commit();
      conferenceList.commit();
      return diff;
    },

    upsertCall,
    removeCall,
    applyConferenceUpdate,

    applyUpdate(update) {
      if (update.kind === 'callUpdated') upsertCall(update.call);
      else if (update.kind === 'callRemoved') removeCall(update.callId);
      else applyConferenceUpdate(update);
    },

    markPending(callId, action) {
      if (!reported.some((c) => c.id === callId)) return null;
      stopWaiting(callId);
      pending.set(callId, { action });
      return commit();
    },

    acceptPending(callId, action) {
      const mark = pending.get(callId);
      if (!mark || mark.action !== action) return null;
      if (settlesOnSuccess(action)) {
        stopWaiting(callId);
        return commit();
      }
      startWaiting(callId, action);
      return null;
    },

    clearPending(callId, action) {
      const mark = pending.get(callId);
      if (!mark || (action !== undefined && mark.action !== action)) return null;
      stopWaiting(callId);
      return commit();
    },

    markConferencePending: (conferenceId, action, callId) => conferenceList.mark(conferenceId, action, callId),
    acceptConferencePending: (conferenceId, action, callId) => conferenceList.accept(conferenceId, action, callId),
    clearConferencePending: (conferenceId, action, callId) => conferenceList.clear(conferenceId, action, callId),
    conferencePending: (conferenceId, callId) => conferenceList.pending(conferenceId, callId),

    reset() {
      for (const callId of [...pending.keys()]) stopWaiting(callId);
      conferenceList.reset();
      reported = [];
      const diff = commit();
      conferenceList.commit();
      return diff;
    },

    on: (event, listener) => emitter.on(event, listener),

    dispose() {
      for (const callId of [...pending.keys()]) stopWaiting(callId);
      conferenceList.dispose();
    },
  };
}
