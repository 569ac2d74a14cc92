/**
 * Reading fields of a JSON request body the way Webex validates them: a missing or mistyped field is a
 * 400 with a description naming the field. Pure.
 */
import { SimRefusal } from './errors';

export type JsonBody = Record<string, unknown>;

export function requiredString(body: JsonBody, name: string): string {
  const value = body[name];
  if (value === undefined || value === null) throw SimRefusal.invalid(`${name} is required`);
  if (typeof value !== 'string' || value.trim() === '') throw SimRefusal.invalid(`${name} must be a non-empty string`);
  return value;
}

export function optionalString(body: JsonBody, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw SimRefusal.invalid(`${name} must be a non-empty string`);
  return value;
}

export function optionalBoolean(body: JsonBody, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw SimRefusal.invalid(`${name} must be true or false`);
  return value;
}
