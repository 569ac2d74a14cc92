/**
 * A tiny typed event emitter: one payload per event, `on` returns the unsubscribe function. A listener
 * that throws is reported and does not stop the others or the core. Must not import electron.
 */

export type Listener<T> = (payload: T) => void;
export type Unsubscribe = () => void;

export interface Emitter<Events extends object> {
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): Unsubscribe;
  emit<K extends keyof Events>(event: K, payload: Events[K]): void;
  /** Removes every listener. */
  clear(): void;
}

export function createEmitter<Events extends object>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();

  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const entry = listener as Listener<never>;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(event, payload) {
      // Copy: a listener may unsubscribe (itself or another) while we iterate.
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as Listener<typeof payload>)(payload);
        } catch (error) {
          console.error(`A "${String(event)}" listener failed:`, error);
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
