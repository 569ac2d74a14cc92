/**
 * The simulator's journal of commands: every state-changing REST request (POST, PATCH, DELETE under
 * /restapi/v1.0) that reached the server, with the operation it names, what it answered and whether the
 * simulated telephony state carried it out. Fault runs count on it that no command was lost or applied
 * twice. Bookkeeping only: no HTTP, no call state.
 */
import type { JournalEntry } from './types';

const SESSION = /\/telephony\/sessions\/([^/]+)(?:\/parties\/([^/]+)(?:\/(.+))?)?$/;

/** The operation a command path names: `hold`, `answer`, `bring-in`, `drop` (DELETE session), `call-out`, … */
function operationOf(method: string, path: string): Pick<JournalEntry, 'operation' | 'sessionId' | 'partyId'> {
  if (/\/telephony\/call-out$/.test(path)) return { operation: 'call-out' };
  if (/\/telephony\/conference$/.test(path)) return { operation: 'conference' };
  const found = SESSION.exec(path);
  if (!found) return { operation: `${method} ${path}` };
  const [, sessionId = '', second, rest] = found;
  if (second === undefined) return { operation: method === 'DELETE' ? 'drop' : method.toLowerCase(), sessionId };
  // …/parties/bring-in and …/supervise name the session, not a party.
  if (rest === undefined && second === 'bring-in') return { operation: 'bring-in', sessionId };
  if (rest === undefined) return { operation: method === 'DELETE' ? 'deleteParty' : 'update', sessionId, partyId: second };
  return { operation: rest.replace(/\/[^/]+$/, ''), sessionId, partyId: second };
}

export class CommandJournal {
  readonly entries: JournalEntry[] = [];

  /** Whether the request is a command the journal keeps. */
  static keeps(method: string, path: string): boolean {
    return method !== 'GET' && path.startsWith('/restapi/v1.0/');
  }

  record(entry: Omit<JournalEntry, 'operation' | 'sessionId' | 'partyId'>): void {
    this.entries.push({ ...entry, ...operationOf(entry.method, entry.path) });
  }

  clear(): void {
    this.entries.length = 0;
  }
}
