/**
 * What Catapult accepts, checked before anything is sent (docs/wire/ringcentral-and-bandwidth.md §B2):
 * DTMF `[A-D0-9#*,wW]`, at most 92 characters (`,`/`w` pause 0.5 s, `W` 1 s); sentences at most 1,000
 * characters; numbers in E.164 or a `sip:` URI; gathers of at most 30 digits; audio files only at an https
 * address (the app-wide rule, src/shared/audio-address.ts). Each check throws a
 * ProviderError('BAD_INPUT') in words a person understands. Pure.
 */
import { ProviderError } from '../../provider-api/provider-error';
import { audioAddressFault } from '../../../shared/audio-address';
import type { AudioBody, GatherBody } from './wire';

export const MAX_DTMF = 92;
export const MAX_SENTENCE = 1000;
export const MAX_GATHER_DIGITS = 30;
const DTMF = /^[0-9A-D*#,wW]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const SIP = /^sip:[^\s@]+@[^\s@]+$/i;

function refuse(message: string): never {
  throw new ProviderError({ code: 'BAD_INPUT', message });
}

export function checkDtmf(digits: string): string {
  if (digits.length === 0) refuse('Enter at least one digit to send.');
  if (digits.length > MAX_DTMF) refuse(`At most ${MAX_DTMF} tones can be sent at once (${digits.length} given).`);
  const bad = [...digits].find((c) => !DTMF.test(c));
  if (bad !== undefined)
    refuse(`“${bad}” cannot be sent as a tone: use 0-9, *, #, A-D, or the pauses , w (half a second) and W (one second).`);
  return digits;
}

/** A number to call: E.164 (+ and up to 15 digits) or a SIP URI. */
export function checkDestination(to: string, what = 'The number'): string {
  const trimmed = to.trim();
  if (E164.test(trimmed) || SIP.test(trimmed)) return trimmed;
  refuse(
    `${what} “${to}” cannot be called: write it in international form (+ country code and number, e.g. +19195551212) or as a sip: address.`,
  );
}

/** A number of the user's own (a call's `from`): E.164 only. */
export function checkOwnNumber(from: string): string {
  const trimmed = from.trim();
  if (E164.test(trimmed)) return trimmed;
  refuse(`The calling number “${from}” must be one of your Bandwidth numbers in international form, e.g. +19195551212.`);
}

export function checkSentence(sentence: string): string {
  if (sentence.trim() === '') refuse('Enter something to say.');
  if (sentence.length > MAX_SENTENCE) refuse(`What to say is too long: at most ${MAX_SENTENCE} characters (${sentence.length} given).`);
  return sentence;
}

/** An audio order: exactly one of a sentence or an https file. */
export function checkAudio(audio: AudioBody): AudioBody {
  if (audio.sentence !== undefined && audio.fileUrl !== undefined) refuse('Give either something to say or a file to play, not both.');
  if (audio.sentence !== undefined) checkSentence(audio.sentence);
  else if (audio.fileUrl !== undefined) {
    if (audioAddressFault(audio.fileUrl) !== null) refuse(`“${audio.fileUrl}” is not a web address of an audio file (https, wav or mp3).`);
  } else refuse('Give something to say or a file to play.');
  return audio;
}

export function checkGather(gather: GatherBody): GatherBody {
  const { maxDigits, interDigitTimeout, terminatingDigits } = gather;
  if (maxDigits !== undefined && (!Number.isInteger(maxDigits) || maxDigits < 1 || maxDigits > MAX_GATHER_DIGITS))
    refuse(`Collect between 1 and ${MAX_GATHER_DIGITS} digits.`);
  if (interDigitTimeout !== undefined && (interDigitTimeout < 1 || interDigitTimeout > 30))
    refuse('The wait between digits must be 1 to 30 seconds.');
  if (terminatingDigits !== undefined && !/^[0-9*#]*$/.test(terminatingDigits)) refuse('The ending key may be only 0-9, * or #.');
  if (gather.prompt) checkAudio(gather.prompt);
  return gather;
}

/** Catapult ids are path segments: refuse anything that could step outside one. */
export function checkId(id: string, what = 'id'): string {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(id)) refuse(`That ${what} (“${id}”) is not a Bandwidth ${what}.`);
  return id;
}
