/**
 * Audio played into a call, a conference, a member or a bridge: reading a Catapult audio body
 * (sentence ≤ 1,000 characters or a fileUrl; an empty one stops what plays, docs/wire/
 * ringcentral-and-bandwidth.md §B2) and timing each playback's started/done. No HTTP, no call state.
 */
import { type JsonBody, optBoolean, optString } from './body-fields';
import { SimRefusal } from './errors';
import type { SimTimers } from './sim-timers';
import type { AudioRequest } from './wire-types';

export const MAX_SENTENCE = 1000;
const GENDERS = new Set(['male', 'female']);
/** How long the simulated voice takes per character of a sentence, and a file's fixed length. */
const MS_PER_CHARACTER = 60;
const FILE_MS = 3000;

export type AudioOrder = { kind: 'stop' } | { kind: 'play'; request: AudioRequest };

export function readAudioBody(body: JsonBody): AudioOrder {
  if (body.fileUrl !== undefined && body.fileUrl !== null && typeof body.fileUrl !== 'string')
    throw SimRefusal.invalid('fileUrl must be a URL string');
  const fileUrl = optString(body, 'fileUrl');
  const sentence = optString(body, 'sentence');
  if (fileUrl === undefined && sentence === undefined) throw SimRefusal.invalid('Either fileUrl or sentence is required');
  if (!fileUrl && !sentence) return { kind: 'stop' };
  if (fileUrl && sentence) throw SimRefusal.invalid('Give either fileUrl or sentence, not both');
  if (sentence !== undefined && sentence.length > MAX_SENTENCE)
    throw SimRefusal.invalid(`sentence must be at most ${MAX_SENTENCE} characters`);
  if (fileUrl && !/^https?:\/\/\S+$/i.test(fileUrl)) throw SimRefusal.invalid('fileUrl must be an http or https URL');
  const gender = optString(body, 'gender');
  if (gender !== undefined && !GENDERS.has(gender)) throw SimRefusal.invalid('gender must be male or female');
  const request: AudioRequest = {};
  if (fileUrl) request.fileUrl = fileUrl;
  if (sentence) request.sentence = sentence;
  if (gender) request.gender = gender;
  const locale = optString(body, 'locale');
  if (locale) request.locale = locale;
  const voice = optString(body, 'voice');
  if (voice) request.voice = voice;
  const loopEnabled = optBoolean(body, 'loopEnabled');
  if (loopEnabled !== undefined) request.loopEnabled = loopEnabled;
  const tag = optString(body, 'tag');
  if (tag) request.tag = tag;
  return { kind: 'play', request };
}

export interface AudioLogEntry {
  /** `call:c-…`, `conference:conf-…`, `member:member-…`, `bridge:brg-…`. */
  target: string;
  order: AudioOrder;
  at: string;
}

/** What plays where, and when each playback ends; `onEvent` hears started/done (and stopped). */
export class AudioDesk {
  readonly log: AudioLogEntry[] = [];
  private readonly playing = new Map<string, { request: AudioRequest; timer?: symbol }>();

  constructor(private readonly timers: SimTimers) {}

  current(target: string): AudioRequest | undefined {
    return this.playing.get(target)?.request;
  }

  apply(target: string, order: AudioOrder, onEvent: (kind: 'speak' | 'playback', status: 'started' | 'done') => void): void {
    this.log.push({ target, order, at: this.timers.iso() });
    this.stop(target, onEvent);
    if (order.kind === 'stop') return;
    const { request } = order;
    const kind = request.sentence ? 'speak' : 'playback';
    const entry: { request: AudioRequest; timer?: symbol } = { request };
    this.playing.set(target, entry);
    onEvent(kind, 'started');
    if (!request.loopEnabled) {
      const ms = request.sentence ? Math.max(1000, request.sentence.length * MS_PER_CHARACTER) : FILE_MS;
      entry.timer = this.timers.after(ms, () => {
        this.playing.delete(target);
        onEvent(kind, 'done');
      });
    }
  }

  stop(target: string, onEvent?: (kind: 'speak' | 'playback', status: 'started' | 'done') => void): void {
    const entry = this.playing.get(target);
    if (!entry) return;
    this.timers.cancel(entry.timer);
    this.playing.delete(target);
    onEvent?.(entry.request.sentence ? 'speak' : 'playback', 'done');
  }
}
