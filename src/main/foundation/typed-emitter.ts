/**
 * A tiny typed event emitter: one payload per event, `on` returns the unsubscribe function. A listener
 * that throws is reported and does not stop the others or the core. Counts the listeners subscribed
 * and not yet removed across every emitter it made, so a soak can prove they do not pile up
 * (test/main/soak/soak.test.ts). Must not import electron.
 */

export type Listener<T> = (payload: T) => void;
export type Unsubscribe = () => void;

export interface Emitter<Events extends object> {
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): Unsubscribe;
  emit<K extends keyof Events>(event: K, payload: Events[K]): void;
  /** Removes every listener. */
  clear(): void;
}

/** Listeners subscribed and not yet removed, across every emitter made here. */
let liveListeners = 0;

/** How many listeners are subscribed now, over every emitter: flat over a long run, or something leaks. */
export function liveListenerCount(): number {
  return liveListeners;
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
      if (!set.has(entry)) {
        set.add(entry);
        liveListeners += 1;
      }
      return () => {
        if (set.delete(entry)) liveListeners -= 1;
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
      // Empty each set too: an unsubscribe called after clear() then finds nothing to remove twice.
      for (const set of listeners.values()) {
        liveListeners -= set.size;
        set.clear();
      }
      listeners.clear();
    },
  };
}
