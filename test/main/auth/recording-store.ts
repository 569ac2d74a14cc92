/**
 * A RefreshTokenStore for tests: keeps the token in memory, records every call in a shared journal
 * (so tests can check ordering against other events) and can hold a save open until released.
 */
import type { RefreshTokenStore } from '../../../src/main/auth/refresh-token-store';

export type JournalEntry = { event: 'save' | 'saved'; token: string } | { event: 'clear' | 'load' } | { event: 'released'; token: string };

export class RecordingStore implements RefreshTokenStore {
  token: string | null = null;
  readonly journal: JournalEntry[] = [];
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;

  constructor(initial: string | null = null) {
    this.token = initial;
  }

  /** The next saves wait until release() is called. */
  holdSaves(): void {
    this.gate = new Promise((resolve) => {
      this.openGate = resolve;
    });
  }

  release(): void {
    this.openGate?.();
    this.gate = null;
  }

  async save(token: string): Promise<void> {
    this.journal.push({ event: 'save', token });
    if (this.gate) await this.gate;
    this.token = token;
    this.journal.push({ event: 'saved', token });
  }

  async load(): Promise<string | null> {
    this.journal.push({ event: 'load' });
    return this.token;
  }

  async clear(): Promise<void> {
    this.journal.push({ event: 'clear' });
    this.token = null;
  }

  saves(): string[] {
    return this.journal.flatMap((e) => (e.event === 'saved' ? [e.token] : []));
  }
}
