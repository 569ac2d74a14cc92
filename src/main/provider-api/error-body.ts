/**
 * An error response's body as a provider's describer needs it: absent, plain text, JSON sent with the
 * wrong content type, or the provider's JSON shape. Lenient on purpose: a body that does not fit the
 * schema is kept as text (when it was text) so the user still reads what the server said.
 */
import type { z } from 'zod';

export function readErrorBody<T extends object>(body: unknown, schema: z.ZodType<T>): { parsed: Partial<T>; text?: string } {
  let value = body;
  let text: string | undefined;
  if (typeof body === 'string') {
    text = body.trim() || undefined;
    try {
      value = JSON.parse(body);
    } catch {
      value = undefined;
    }
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? { parsed: parsed.data } : { parsed: {}, ...(text === undefined ? {} : { text }) };
}
