/**
 * The call history as the provider keeps it, fetched on demand and cached per type until a call ends
 * (then the list is re-read, since the ended call belongs in it). Concurrent requests for the same list
 * share one read. Must not import electron.
 */
import type { HistoryEntry, HistoryType } from '../../shared/domain';
import { ok, type Result } from '../../shared/result';
import type { Provider } from '../provider-api/provider';
import { appErrorOf } from './error-values';

export interface HistoryCache {
  get(type?: HistoryType): Promise<Result<HistoryEntry[]>>;
  /** Forgets every cached list and reads the full one again. */
  refresh(): Promise<Result<HistoryEntry[]>>;
  clear(): void;
}

type Key = HistoryType | 'all';

export function createHistoryCache(options: { provider: Pick<Provider, 'history'>; providerName: string }): HistoryCache {
  const cached = new Map<Key, HistoryEntry[]>();
  const reading = new Map<Key, Promise<Result<HistoryEntry[]>>>();
  /** Bumped on invalidation so a read that started before it does not refill the cache with old data. */
  let epoch = 0;

  function read(type: HistoryType | undefined): Promise<Result<HistoryEntry[]>> {
    const key: Key = type ?? 'all';
    const already = reading.get(key);
    if (already) return already;
    const startedIn = epoch;
    const promise: Promise<Result<HistoryEntry[]>> = Promise.resolve()
      .then(() => options.provider.history(type))
      .then(
        (entries): Result<HistoryEntry[]> => {
          if (startedIn === epoch) cached.set(key, entries);
          return ok(entries);
        },
        (error: unknown): Result<HistoryEntry[]> => ({ ok: false, error: appErrorOf(error, options.providerName) }),
      )
      .finally(() => {
        if (reading.get(key) === promise) reading.delete(key);
      });
    reading.set(key, promise);
    return promise;
  }

  function invalidate(): void {
    epoch += 1;
    cached.clear();
    reading.clear();
  }

  return {
    get(type) {
      const hit = cached.get(type ?? 'all');
      return hit ? Promise.resolve(ok(hit)) : read(type);
    },
    refresh() {
      invalidate();
      return read(undefined);
    },
    clear: invalidate,
  };
}
