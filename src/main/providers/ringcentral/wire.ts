/**
 * RingCentral wire shapes as the client reads and writes them (docs/wire/ringcentral-and-bandwidth.md
 * §A1–§A5). Lenient on the way in: unknown fields pass, unknown enum values become 'unknown', and every
 * list item is parsed on its own so one odd party or device cannot make a whole answer unreadable.
 * Strict on the way out: request bodies are typed exactly. Nothing outside providers/ringcentral may
 * import this file.
 */
import { z } from 'zod';
import type { REPLY_PATTERNS, REPLY_TIME_UNITS } from '../../../shared/contract';

/** An enum that turns any value it does not know into 'unknown' instead of failing. */
function lenientEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const known = new Set<string>(values);
  return z
    .unknown()
    .transform((value): T[number] | 'unknown' => (typeof value === 'string' && known.has(value) ? (value as T[number]) : 'unknown'));
}

/** Parses each item on its own and drops the ones that do not fit (a list never fails as a whole). */
function lenientList<S extends z.ZodType>(item: S) {
  return z
    .unknown()
    .optional()
    .transform((value): z.infer<S>[] => {
      if (!Array.isArray(value)) return [];
      const out: z.infer<S>[] = [];
      for (const entry of value) {
        const parsed = item.safeParse(entry);
        if (parsed.success) out.push(parsed.data);
      }
      return out;
    });
}

/** Ids come as strings or (extension/account ids in some answers) JSON numbers. */
const idSchema = z.union([z.string(), z.number()]).transform((v) => String(v));

export const STATUS_CODES = [
  'Setup',
  'Proceeding',
  'Answered',
  'Disconnected',
  'Gone',
  'Parked',
  'Hold',
  'VoiceMail',
  'FaxReceive',
  'Tds',
  'VoiceMailScreening',
] as const;
export const ORIGIN_TYPES = [
  'Call',
  'RingOut',
  'RingMe',
  'Conference',
  'GreetingsRecording',
  'VerificationCall',
  'Zoom',
  'CallOut',
  'TestCall',
] as const;
export const DEVICE_TYPES = ['HardPhone', 'SoftPhone', 'OtherPhone', 'WebPhone', 'WebRTC', 'BLA', 'Paging', 'Room'] as const;

export const wireEndpointSchema = z.looseObject({
  phoneNumber: z.string().optional(),
  name: z.string().optional(),
  deviceId: idSchema.optional(),
  extensionId: idSchema.optional(),
  extensionNumber: z.string().optional(),
});
export type WireEndpoint = z.infer<typeof wireEndpointSchema>;

export const wireStatusSchema = z.looseObject({
  code: lenientEnum(STATUS_CODES),
  reason: z.string().optional(),
  description: z.string().optional(),
  peerId: z
    .looseObject({ sessionId: z.string().optional(), telephonySessionId: z.string().optional(), partyId: z.string().optional() })
    .optional(),
});
export type WireStatus = z.infer<typeof wireStatusSchema>;

export const wireRecordingSchema = z.looseObject({ id: idSchema, active: z.boolean().optional() });

export const wirePartySchema = z.looseObject({
  id: z.string(),
  direction: lenientEnum(['Inbound', 'Outbound'] as const).optional(),
  accountId: idSchema.optional(),
  extensionId: idSchema.optional(),
  from: wireEndpointSchema.optional(),
  to: wireEndpointSchema.optional(),
  status: wireStatusSchema,
  muted: z.boolean().optional(),
  standAlone: z.boolean().optional(),
  park: z.looseObject({ id: z.string().optional() }).optional(),
  recordings: lenientList(wireRecordingSchema),
  queueCall: z.boolean().optional(),
  attributes: z.looseObject({ queueCall: z.boolean().optional() }).optional(),
  conferenceRole: z.string().optional(),
  missedCall: z.boolean().optional(),
});
export type WireParty = z.infer<typeof wirePartySchema>;

export const wireSessionSchema = z.looseObject({
  id: z.string(),
  origin: z.looseObject({ type: lenientEnum(ORIGIN_TYPES) }).optional(),
  creationTime: z.string().optional(),
  voiceCallToken: z.string().optional(),
  parties: lenientList(wirePartySchema),
});
export type WireSession = z.infer<typeof wireSessionSchema>;

export const sessionEnvelopeSchema = z.looseObject({ session: wireSessionSchema });

export const recordingAnswerSchema = z.looseObject({ id: idSchema, active: z.boolean(), mode: z.string().optional() });
export type WireRecording = z.infer<typeof recordingAnswerSchema>;

/** An answer whose body Switchboard does not need (flip answers `{}` or nothing). */
export const ignoredSchema = z.unknown();

export const extensionSchema = z.looseObject({
  id: idSchema,
  extensionNumber: z.string().optional(),
  name: z.string().optional(),
  contact: z.looseObject({ firstName: z.string().optional(), lastName: z.string().optional(), email: z.string().optional() }).optional(),
  account: z.looseObject({ id: idSchema }).optional(),
});
export type WireExtension = z.infer<typeof extensionSchema>;
export const extensionListSchema = z.looseObject({ records: lenientList(extensionSchema) });

export const deviceSchema = z.looseObject({
  id: idSchema,
  type: lenientEnum(DEVICE_TYPES),
  name: z.string().optional(),
  status: lenientEnum(['Online', 'Offline'] as const),
});
export type WireDevice = z.infer<typeof deviceSchema>;
export const deviceListSchema = z.looseObject({ records: lenientList(deviceSchema) });

export const activeCallSchema = z.looseObject({
  telephonySessionId: z.string(),
  partyId: z.string().optional(),
  sessionId: z.string().optional(),
  direction: z.string().optional(),
  telephonyStatus: z.string().optional(),
});
export const presenceSchema = z.looseObject({
  telephonyStatus: z.string().optional(),
  activeCalls: lenientList(activeCallSchema),
});
export type WirePresence = z.infer<typeof presenceSchema>;

export const wsTokenSchema = z.looseObject({ ws_access_token: z.string(), uri: z.string(), expires_in: z.number().optional() });
export type WireWsToken = z.infer<typeof wsTokenSchema>;

// ---- call log (§A6) -------------------------------------------------------------------------------

/** One side of a call-log record: a number, an extension, a caller-id name (any may be missing). */
export const callLogCallerSchema = z.looseObject({
  phoneNumber: z.string().optional(),
  extensionNumber: z.string().optional(),
  name: z.string().optional(),
});
export type WireCallLogCaller = z.infer<typeof callLogCallerSchema>;

/**
 * A call-log record, Simple view. `result` stays a string: RingCentral documents some forty values
 * ("Missed", "Accepted", "Call accepted", "Voicemail", "Call connected", "No Answer", …) and adds more.
 */
export const callLogRecordSchema = z.looseObject({
  id: idSchema,
  sessionId: idSchema.optional(),
  telephonySessionId: z.string().optional(),
  startTime: z.string(),
  duration: z.number().optional(),
  type: z.string().optional(),
  direction: lenientEnum(['Inbound', 'Outbound'] as const),
  action: z.string().optional(),
  result: z.string().optional(),
  from: callLogCallerSchema.optional(),
  to: callLogCallerSchema.optional(),
});
export type WireCallLogRecord = z.infer<typeof callLogRecordSchema>;
/** Each record parsed on its own: one odd record is dropped, never the page. */
export const callLogListSchema = z.looseObject({ records: lenientList(callLogRecordSchema) });

// ---- WebSocket frames (§A4) ----------------------------------------------------------------------

export const wscSchema = z.looseObject({ token: z.string(), sequence: z.number() });
export type WireWsc = z.infer<typeof wscSchema>;

export const frameMetaSchema = z.looseObject({
  type: lenientEnum(['ConnectionDetails', 'ClientRequest', 'ServerNotification', 'Heartbeat', 'Error'] as const),
  messageId: z.string().optional(),
  status: z.number().optional(),
  wsc: wscSchema.optional(),
});
export type WireFrameMeta = z.infer<typeof frameMetaSchema>;

export const connectionDetailsSchema = z.looseObject({
  recoveryTimeout: z.number().optional(),
  idleTimeout: z.number().optional(),
  absoluteTimeout: z.number().optional(),
  recoveryState: lenientEnum(['Successful', 'Failed'] as const).optional(),
  recoveryErrorCode: z.string().optional(),
});
export type WireConnectionDetails = z.infer<typeof connectionDetailsSchema>;

export const wsErrorSchema = z.looseObject({ errorCode: z.string().optional(), message: z.string().optional() });

export const subscriptionInfoSchema = z.looseObject({ id: z.string(), status: z.string().optional() });

/** The body of a telephony-session notification (§A4 "Notification"). */
export const sessionEventSchema = z.looseObject({
  sequence: z.number(),
  telephonySessionId: z.string(),
  sessionId: z.string().optional(),
  eventTime: z.string().optional(),
  origin: z.looseObject({ type: lenientEnum(ORIGIN_TYPES) }).optional(),
  parties: lenientList(wirePartySchema),
});
export type WireSessionEvent = z.infer<typeof sessionEventSchema>;

export const notificationSchema = z.looseObject({
  event: z.string().optional(),
  subscriptionId: z.string().optional(),
  body: z.unknown(),
});

// ---- errors (§A5) --------------------------------------------------------------------------------

const errorDetailSchema = z.looseObject({
  errorCode: z.string().optional(),
  message: z.string().optional(),
  parameterName: z.string().optional(),
  /** With CMN-401: the app permission the request needs (§A5). */
  permissionName: z.string().optional(),
});
/** Both shapes: the legacy top-level errorCode/message and the newer `errors` list, plus OAuth's error_description. */
export const errorBodySchema = z.looseObject({
  errorCode: z.string().optional(),
  message: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
  errors: lenientList(errorDetailSchema),
});
export type WireErrorBody = z.infer<typeof errorBodySchema>;

// ---- request bodies (strict: exactly what RingCentral documents) ---------------------------------

export type CallOutBody = { from: { deviceId: string }; to: { phoneNumber: string } | { extensionNumber: string }; countryId?: string };
export type PartyUpdateBody = { party: { muted?: boolean; standAlone?: boolean } };
export type HoldBody = { proto?: 'Auto' | 'RC' | 'BroadWorks' | 'DisconnectHolder' | 'BroadWorksOrDisconnectHolder' };
export type DeviceBody = { deviceId: string };
export type ForwardTarget = { phoneNumber: string } | { voicemail: string } | { extensionNumber: string } | { extensionId: string };
export type TransferTarget = ForwardTarget | { parkOrbit: string };
// The contract's reply patterns and time units are RingCentral's own words (it is the only provider that
// replies), so the reply body takes them as they are; the contract is their one definition.
export type ReplyPattern = (typeof REPLY_PATTERNS)[number];
export type TimeUnit = (typeof REPLY_TIME_UNITS)[number];
export type ReplyBody = { replyWithText: string } | { replyWithPattern: { pattern: ReplyPattern; time?: number; timeUnit?: TimeUnit } };
export type BringInBody = { sessionId: string; partyId: string };
export type BridgeBody = { telephonySessionId: string; partyId: string };
export type SuperviseBody = {
  mode: 'Listen';
  supervisorDeviceId: string;
  autoAnswer?: boolean;
  mediaSDP?: 'sendOnly' | 'sendRecv';
} & ({ agentExtensionId: string } | { agentExtensionNumber: string });
export type SubscriptionBody = { eventFilters: string[]; deliveryMode: { transportType: 'WebSocket' } };
