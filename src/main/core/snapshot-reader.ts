/**
 * Full reads of the call list (provider.snapshot) into the store, one at a time: concurrent reconcile
 * requests share one read, a request made while a read is under way gets a fresh read after it, and a
 * cancelled read (stop, offline, sign-out) is never applied. A restart (after sleep or a network change)
 * drops the read under way, which may hang on a connection that died meanwhile, and reads at once;
 * whoever waited for the dropped read gets the fresh one's outcome, not a false failure. Push updates that arrive while a read is
 * under way are folded into its snapshot before it is applied, so an older snapshot never undoes a newer
 * update. Knows the Provider interface and the store only; health, backoff and timers belong to
 * feed-supervisor.ts. Must not import electron.
 */
import type { Result } from '../../shared/result';
import type { CallSnapshot, Provider, PushUpdate } from '../provider-api/provider';
import type { CallStore } from './call-store';

/** A finished read: applied (with the provider's advisory, and whether it says the account changed), or failed. */
export type ReadOutcome = { ok: true; advisory?: string; accountChanged?: boolean } | { ok: false; error: unknown };

export interface SnapshotReaderOptions {
  provider: Pick<Provider, 'snapshot'>;
  store: Pick<CallStore, 'applySnapshot'>;
  /** Runs once per finished read (not for a cancelled one); what it returns is what every asker gets. */
  settle(outcome: ReadOutcome): Result<null>;
  /** What a cancelled read (or a request made after cancel) answers. */
  cancelled(): Result<null>;
}

export interface SnapshotReader {
  /** A full read that starts after any read already under way; requests made meanwhile share it. */
  reconcile(): Promise<Result<null>>;
  /** Whether a read is under way or waiting to start. */
  busy(): boolean;
  /** Drops the read under way (it is aborted and not applied) and any waiting to start. */
  cancel(): void;
  /** Drops the read under way and reads now; those waiting for the dropped one get this read's outcome. */
  restart(): Promise<Result<null>>;
  /** A push update was applied to the store: keep it for the snapshot of the read under way. */
  noteUpdate(update: PushUpdate): void;
}

/** The snapshot with the updates applied in order (what the provider reports now, if they are newer). */
export function foldUpdates(snapshot: CallSnapshot, updates: readonly PushUpdate[]): CallSnapshot {
  let folded = snapshot;
  for (const update of updates) {
    if (update.kind === 'callUpdated') {
      const at = folded.calls.findIndex((c) => c.id === update.call.id);
      const calls = at < 0 ? [...folded.calls, update.call] : folded.calls.map((c, i) => (i === at ? update.call : c));
      folded = { ...folded, calls };
    } else if (update.kind === 'callRemoved') {
      folded = { ...folded, calls: folded.calls.filter((c) => c.id !== update.callId) };
    } else {
      const { kind: _kind, ...conferencePart } = update;
      folded = { ...folded, ...conferencePart };
    }
  }
  return folded;
}

/** Restarted generations remembered at once (each restart adds one; a read answers long before eight more). */
const MAX_SUCCESSORS = 8;

export function createSnapshotReader(options: SnapshotReaderOptions): SnapshotReader {
  const { provider, store } = options;
  /** Bumped by cancel, so that a read already under way is neither applied nor settled. */
  let generation = 0;
  let inflight: Promise<Result<null>> | null = null;
  let abortInflight: AbortController | null = null;
  /** Updates seen while the read under way waits for its snapshot. */
  let updatesDuringRead: PushUpdate[] | null = null;
  /** A read asked for that has not started yet: everyone asking now shares it. */
  let queued: Promise<Result<null>> | null = null;
  /** The read that took over from a restarted generation, for those still waiting on that generation. */
  const successors = new Map<number, Promise<Result<null>>>();

  /** What a read or request of a superseded generation answers: its successor's outcome, or cancelled. */
  function superseded(gen: number): Promise<Result<null>> | Result<null> {
    const successor = successors.get(gen);
    return successor ?? options.cancelled();
  }

  function dropCurrent(): void {
    generation += 1;
    abortInflight?.abort();
    abortInflight = null;
    inflight = null;
    queued = null;
    updatesDuringRead = null;
  }

  async function attempt(signal: AbortSignal): Promise<ReadOutcome> {
    try {
      const snapshot = await provider.snapshot(signal);
      if (signal.aborted) return { ok: false, error: signal.reason };
      store.applySnapshot(foldUpdates(snapshot, updatesDuringRead ?? []));
      const outcome: ReadOutcome = { ok: true };
      if (snapshot.advisory) outcome.advisory = snapshot.advisory;
      if (snapshot.accountChanged) outcome.accountChanged = true;
      return outcome;
    } catch (error) {
      return { ok: false, error };
    }
  }

  function read(): Promise<Result<null>> {
    const gen = generation;
    const controller = new AbortController();
    abortInflight = controller;
    updatesDuringRead = [];
    const promise: Promise<Result<null>> = attempt(controller.signal).then((outcome) => {
      if (gen !== generation) return superseded(gen);
      inflight = null;
      abortInflight = null;
      updatesDuringRead = null;
      return options.settle(outcome);
    });
    inflight = promise;
    return promise;
  }

  return {
    reconcile() {
      if (queued) return queued;
      const gen = generation;
      // A read already under way may have started before whatever prompted this request: wait for it,
      // then read afresh.
      const before: Promise<unknown> = inflight ?? Promise.resolve();
      const next: Promise<Result<null>> = before.then(() => {
        if (queued === next) queued = null;
        return gen === generation ? read() : superseded(gen);
      });
      queued = next;
      return next;
    },
    busy: () => inflight !== null || queued !== null,
    cancel() {
      // Those waiting get "cancelled": nothing takes over (stop, offline, sign-out).
      successors.clear();
      dropCurrent();
    },
    restart() {
      const dropped = generation;
      dropCurrent();
      const fresh = read();
      successors.set(dropped, fresh);
      // Kept for late answers of the dropped read and requests queued behind it; a few are plenty.
      if (successors.size > MAX_SUCCESSORS) successors.delete(Math.min(...successors.keys()));
      return fresh;
    },
    noteUpdate(update) {
      updatesDuringRead?.push(update);
    },
  };
}
