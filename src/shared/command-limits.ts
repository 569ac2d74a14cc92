/**
 * Lengths the commands allow, defined once: main's parse (contract.ts) refuses longer input and the
 * windows' fields stop there. Plain numbers, so the renderer can import them without zod.
 */

/** A sentence to speak (Bandwidth allows at most 1,000 characters). */
export const SENTENCE_MAX_LENGTH = 1000;
/** A reply with a text message to a ringing call (RingCentral). */
export const REPLY_MAX_LENGTH = 150;
