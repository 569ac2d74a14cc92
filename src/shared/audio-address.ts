/**
 * The one rule for the address of an audio file played into a call or a conference: main's parse of
 * `playAudio` and `playToConference` (src/shared/contract.ts) and the windows' audio fields all ask
 * here, so a field never lets through what main refuses, nor refuses what main takes. Pure: no zod,
 * no DOM, so the renderer may import it.
 *
 * Only https is accepted. Catapult takes any `fileUrl` it can fetch (docs/wire/ringcentral-and-bandwidth.md,
 * `play_audio_to_call`), so this is the stricter choice: the file is fetched by the provider over the
 * public internet, and a plain-http address would let anyone on that path swap what the caller hears.
 */

/** The longest address accepted (characters). */
export const AUDIO_URL_MAX_LENGTH = 2048;

/** Why a text is not a playable audio address. */
export type AudioAddressFault = 'empty' | 'not-an-address' | 'not-https' | 'too-long';

/** Why `text` (exactly as it will be sent) is not an https address of an audio file, or null when it is one. */
export function audioAddressFault(text: string): AudioAddressFault | null {
  if (text === '') return 'empty';
  if (text.length > AUDIO_URL_MAX_LENGTH) return 'too-long';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not-an-address';
  }
  if (url.protocol !== 'https:') return 'not-https';
  return url.hostname === '' ? 'not-an-address' : null;
}
