/**
 * Reading fields of a request body the way Catapult does: `null` means absent (python-bandwidth sends
 * null for every unset argument, docs/wire/ringcentral-and-bandwidth.md §B1); a wrong type is a 400
 * validation-error. No state here.
 */
import { SimRefusal } from './errors';

export type JsonBody = Record<string, unknown>;

export function optString(body: JsonBody, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw SimRefusal.invalid(`${name} must be a string`);
  return value;
}

export function needString(body: JsonBody, name: string): string {
  const value = optString(body, name);
  if (value === undefined || value === '') throw SimRefusal.invalid(`${name} is required`);
  return value;
}

export function optBoolean(body: JsonBody, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  // Catapult's own samples send "true"/"false" as strings at times.
  if (value === 'true' || value === 'false') return value === 'true';
  throw SimRefusal.invalid(`${name} must be true or false`);
}

export function optNumber(body: JsonBody, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw SimRefusal.invalid(`${name} must be a number`);
  return n;
}

export function optStringArray(body: JsonBody, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw SimRefusal.invalid(`${name} must be a list of ids`);
  return value as string[];
}

/** E.164 (+ and 7-15 digits) or a SIP URI: what Catapult accepts as a `to`. */
export function isDialable(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value) || /^sip:[^\s@]+@[^\s@]+$/i.test(value);
}

export function isE164(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value);
}
