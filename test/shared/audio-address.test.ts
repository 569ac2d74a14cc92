/**
 * The audio address rule (src/shared/audio-address.ts) is the one both sides use: the windows' Play
 * audio fields refuse exactly what main's parse of `playAudio` and `playToConference` refuses. Plain
 * http is refused on both sides; https is taken on both.
 */
import { describe, expect, it } from 'vitest';
import { AUDIO_URL_MAX_LENGTH, audioAddressFault } from '../../src/shared/audio-address';
import { callCommandSchema, conferenceCommandSchema } from '../../src/shared/contract';

const mainTakesForCall = (url: string) => callCommandSchema.safeParse({ type: 'playAudio', callId: 'c-1', url }).success;
const mainTakesForConference = (url: string) =>
  conferenceCommandSchema.safeParse({ type: 'playToConference', conferenceId: 'conf-1', url }).success;

const accepted = ['https://example.com/hold.mp3', 'https://media.example.com:8443/a/b.wav?sig=1', 'HTTPS://EXAMPLE.COM/x.mp3'];
const refused = [
  'http://example.com/hold.mp3',
  'HTTP://example.com/hold.mp3',
  'ftp://example.com/a.wav',
  'file:///etc/passwd',
  'example.com/hold.mp3',
  '',
  `https://example.com/${'a'.repeat(AUDIO_URL_MAX_LENGTH)}.mp3`,
];

describe('the audio address: window field and main agree', () => {
  it.each(accepted)('%s is taken by the field and by main', (url) => {
    expect(audioAddressFault(url)).toBeNull();
    expect(mainTakesForCall(url)).toBe(true);
    expect(mainTakesForConference(url)).toBe(true);
  });

  it.each(refused)('%j is refused by the field and by main', (url) => {
    expect(audioAddressFault(url)).not.toBeNull();
    expect(mainTakesForCall(url)).toBe(false);
    expect(mainTakesForConference(url)).toBe(false);
  });

  it('says why: plain http is "not https", a bare host is "not an address"', () => {
    expect(audioAddressFault('http://example.com/hold.mp3')).toBe('not-https');
    expect(audioAddressFault('example.com/hold.mp3')).toBe('not-an-address');
    expect(audioAddressFault('')).toBe('empty');
  });
});
