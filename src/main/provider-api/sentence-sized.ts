/**
 * A provider's own explanation (an error body's message, or a plain-text body) cut down to something a
 * sentence can quote: one line, at most 200 characters, without a final full stop (the caller's sentence
 * adds its own), and nothing at all for an empty body or an HTML page. Shared by every provider's error
 * module (providers/<id>/errors.ts). Pure; the redaction and the final cap for the windows are
 * provider-error.ts's job (`safeProviderText`), not this one's.
 */

/** Longest quoted explanation: room for the provider's reason inside our own sentence and a tracking id. */
export const MAX_QUOTED_TEXT = 200;

export function sentenceSized(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const oneLine = raw.replace(/\s+/g, ' ').trim();
  // Plain-text bodies can be whole HTML pages (a proxy's or a gateway's): nothing there to quote.
  if (oneLine === '' || oneLine.startsWith('<')) return undefined;
  // Cut by code points, so an emoji or other astral character is never split in half.
  const chars = Array.from(oneLine);
  const short = chars.length > MAX_QUOTED_TEXT ? `${chars.slice(0, MAX_QUOTED_TEXT - 3).join('')}…` : oneLine;
  return short.replace(/\.$/, '');
}
