/**
 * Parties: how a scenario party appears on the wire (privacy hides identity), how a dialled string is
 * compared with a party's number, and the small organisation directory that gives dialled numbers a
 * name and a call type. Pure apart from the directory's memory of parties it has seen.
 */
import type { WireParty } from './wire';
import type { SimCallType, SimParty } from './types';

/** Drops link schemes and number punctuation so '+1 (555) 010-2030', 'tel:+15550102030' compare equal. */
export function canonicalNumber(text: string): string {
  let value = text.trim().toLowerCase();
  value = value.replace(/^(tel|sip|sips|callto|webextel):(\/\/)?/, '');
  value = value.split(/[;?]/)[0] ?? '';
  if (value.includes('@')) return value;
  return value.replace(/[\s().\-\u00a0]/g, '');
}

export function sameNumber(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return canonicalNumber(a) === canonicalNumber(b);
}

const EMERGENCY_NUMBERS = new Set(['911', '933', '112', '999']);

/** What Webex would classify a dialled string as, for a destination nobody in the directory owns. */
export function classifyDestination(destination: string, orgDomain: string | undefined): SimCallType {
  const value = canonicalNumber(destination);
  if (EMERGENCY_NUMBERS.has(value)) return 'emergency';
  if (value.startsWith('*') || value.startsWith('#')) return 'other';
  if (value.includes('@')) return orgDomain !== undefined && value.endsWith(`@${orgDomain}`) ? 'organization' : 'external';
  const digits = value.replace(/^\+/, '');
  return digits.length <= 6 && !value.startsWith('+') ? 'location' : 'external';
}

export function partyToWire(party: SimParty): WireParty {
  const privacy = party.privacyEnabled ?? false;
  const wire: WireParty = { privacyEnabled: privacy };
  if (!privacy) {
    if (party.name !== undefined) wire.name = party.name;
    if (party.number !== undefined) wire.number = party.number;
    if (party.personId !== undefined) wire.personId = party.personId;
    if (party.placeId !== undefined) wire.placeId = party.placeId;
  }
  if (party.callType !== undefined) wire.callType = party.callType;
  return wire;
}

export function describeParty(party: SimParty): string {
  return party.name ?? party.number ?? 'that party';
}

interface DirectoryEntry {
  party: SimParty;
  aliases: string[];
}

/** Who is who in the simulated organisation, so dialling a known number shows a name. */
export class PartyDirectory {
  private readonly entries: DirectoryEntry[] = [];

  constructor(private readonly orgDomain: string | undefined) {}

  add(party: SimParty, aliases: string[] = []): void {
    const all = [party.number, ...aliases].filter((a): a is string => a !== undefined).map(canonicalNumber);
    if (all.length === 0) return;
    const existing = this.entries.find((e) => e.aliases.some((a) => all.includes(a)));
    if (existing) {
      existing.party = { ...existing.party, ...party };
      existing.aliases = [...new Set([...existing.aliases, ...all])];
    } else {
      this.entries.push({ party: { ...party }, aliases: all });
    }
  }

  /** A remote party for a dialled destination: the dialled string as number, plus what the directory knows. */
  partyFor(destination: string): SimParty {
    const key = canonicalNumber(destination);
    const known = this.entries.find((e) => e.aliases.includes(key));
    if (!known) return { number: destination, callType: classifyDestination(destination, this.orgDomain) };
    const party: SimParty = { ...known.party, number: destination, privacyEnabled: false };
    if (party.callType === undefined) party.callType = classifyDestination(destination, this.orgDomain);
    return party;
  }

  /** Whether a target string (number, extension, address) names this party. */
  matches(party: SimParty, target: string): boolean {
    const key = canonicalNumber(target);
    if (party.number !== undefined && canonicalNumber(party.number) === key) return true;
    if (party.personId !== undefined && party.personId === target.trim()) return true;
    if (party.name !== undefined && party.name.toLowerCase() === target.trim().toLowerCase()) return true;
    const entry = this.entries.find((e) => party.number !== undefined && e.aliases.includes(canonicalNumber(party.number)));
    return entry !== undefined && entry.aliases.includes(key);
  }
}
