/**
 * Bandwidth Catapult v1 Voice wire shapes as the client reads them (docs/wire/ringcentral-and-bandwidth.md
 * part B). Lenient on purpose: `null` counts as absent (the API and python-bandwidth send nulls for
 * unset fields), a state this app does not know becomes 'unknown' instead of failing, and in a list
 * every item is parsed on its own so one odd call cannot hide the others. Nothing outside
 * providers/bandwidth may import this file.
 */
import { z } from 'zod';

/** A field that may be missing or null; both read as undefined. */
function opt<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((v) => (v === null ? undefined : v)) as unknown as z.ZodOptional<S>;
}

/** A closed set of values, where anything else (including a future value) reads as 'unknown'. */
function lenientEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .unknown()
    .transform((v): T[number] | 'unknown' =>
      typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T[number]) : 'unknown',
    );
}

/** A JSON array whose items are parsed one by one; an unreadable item is left out. */
export function lenientList<S extends z.ZodType>(item: S) {
  return z.array(z.unknown()).transform((items) =>
    items.flatMap((raw) => {
      const parsed = item.safeParse(raw);
      return parsed.success ? [parsed.data as z.infer<S>] : [];
    }),
  );
}

export const CALL_STATES_WIRE = ['started', 'active', 'transferring', 'completed', 'rejected'] as const;

export const wireCallSchema = z.looseObject({
  id: z.string().min(1),
  direction: lenientEnum(['in', 'out'] as const),
  from: opt(z.string()),
  to: opt(z.string()),
  state: lenientEnum(CALL_STATES_WIRE),
  startTime: opt(z.string()),
  activeTime: opt(z.string()),
  endTime: opt(z.string()),
  chargeableDuration: opt(z.number()),
  callbackUrl: opt(z.string()),
  tag: opt(z.string()),
  recordingEnabled: opt(z.boolean()),
  recordingFileFormat: opt(z.string()),
  transcriptionEnabled: opt(z.boolean()),
  bridgeId: opt(z.string()),
  conferenceId: opt(z.string()),
});
export type WireCall = z.infer<typeof wireCallSchema>;
export type WireCallState = WireCall['state'];
export const callListSchema = lenientList(wireCallSchema);

export const callEventSchema = z.looseObject({
  id: z.string(),
  time: opt(z.string()),
  name: z.string(),
  data: opt(z.string()),
});
export type WireCallEvent = z.infer<typeof callEventSchema>;
export const callEventListSchema = lenientList(callEventSchema);

export const gatherSchema = z.looseObject({
  id: z.string(),
  state: lenientEnum(['started', 'completed'] as const),
  reason: opt(lenientEnum(['max-digits', 'terminating-digit', 'inter-digit-timeout', 'hung-up'] as const)),
  digits: opt(z.string()),
  call: opt(z.string()),
  createdTime: opt(z.string()),
  completedTime: opt(z.string()),
  tag: opt(z.string()),
});
export type WireGather = z.infer<typeof gatherSchema>;

export const recordingSchema = z.looseObject({
  id: z.string(),
  state: lenientEnum(['recording', 'saving', 'complete', 'error'] as const),
  startTime: opt(z.string()),
  endTime: opt(z.string()),
  call: opt(z.string()),
  media: opt(z.string()),
});
export type WireRecording = z.infer<typeof recordingSchema>;
export const recordingListSchema = lenientList(recordingSchema);

export const transcriptionSchema = z.looseObject({
  id: z.string(),
  state: lenientEnum(['transcribing', 'completed', 'error'] as const),
  text: opt(z.string()),
  time: opt(z.string()),
  chargeableDuration: opt(z.number()),
  textSize: opt(z.number()),
  textUrl: opt(z.string()),
});
export type WireTranscription = z.infer<typeof transcriptionSchema>;
export const transcriptionListSchema = lenientList(transcriptionSchema);

export const conferenceSchema = z.looseObject({
  id: z.string(),
  state: lenientEnum(['created', 'active', 'completed'] as const),
  from: opt(z.string()),
  createdTime: opt(z.string()),
  completedTime: opt(z.string()),
  activeMembers: opt(z.number()),
  hold: opt(z.boolean()),
  mute: opt(z.boolean()),
  profile: opt(z.string()),
});
export type WireConference = z.infer<typeof conferenceSchema>;

export const memberSchema = z.looseObject({
  id: z.string(),
  state: lenientEnum(['active', 'completed'] as const),
  mute: opt(z.boolean()),
  hold: opt(z.boolean()),
  joinTone: opt(z.boolean()),
  leavingTone: opt(z.boolean()),
  addedTime: opt(z.string()),
  removedTime: opt(z.string()),
  /** URL of the member's call; its last segment is the call id. */
  call: opt(z.string()),
});
export type WireMember = z.infer<typeof memberSchema>;
export const memberListSchema = lenientList(memberSchema);

export const bridgeSchema = z.looseObject({
  id: z.string(),
  state: lenientEnum(['created', 'active', 'hold', 'completed', 'error'] as const),
  callIds: opt(z.array(z.string())),
  bridgeAudio: opt(z.boolean()),
  createdTime: opt(z.string()),
  activatedTime: opt(z.string()),
  completedTime: opt(z.string()),
});
export type WireBridge = z.infer<typeof bridgeSchema>;

/** `{category, code, message, details?}` (§B6). */
export const errorBodySchema = z.looseObject({
  category: opt(z.string()),
  code: opt(z.string()),
  message: opt(z.string()),
});
export type WireErrorBody = z.infer<typeof errorBodySchema>;

// ── Request bodies (what the client sends) ──

export interface AudioBody {
  fileUrl?: string;
  sentence?: string;
  gender?: 'male' | 'female';
  locale?: string;
  voice?: string;
  loopEnabled?: boolean;
  tag?: string;
}

export interface CreateCallBody {
  from: string;
  to: string;
  callTimeout?: number;
  callbackUrl?: string;
  bridgeId?: string;
  conferenceId?: string;
  recordingEnabled?: boolean;
  recordingFileFormat?: 'wav' | 'mp3';
  transcriptionEnabled?: boolean;
  tag?: string;
}

export interface UpdateCallBody {
  state?: 'active' | 'rejected' | 'completed' | 'transferring';
  recordingEnabled?: boolean;
  transferTo?: string;
  transferCallerId?: string;
  whisperAudio?: AudioBody;
}

export interface GatherBody {
  maxDigits?: number;
  interDigitTimeout?: number;
  terminatingDigits?: string;
  tag?: string;
  prompt?: AudioBody & { bargeable?: boolean };
}
