/**
 * The Catapult v1 shapes as the simulator writes and reads them (docs/wire/ringcentral-and-bandwidth.md
 * part B). The simulator's OWN copy: it never imports the client's schemas, so a client bug cannot
 * hide behind a shared type. Types only: no behaviour here.
 */

export type CallStateWire = 'started' | 'active' | 'transferring' | 'completed' | 'rejected';
export type DirectionWire = 'in' | 'out';

/** A call as GET /calls/{id} answers it. Unset optional fields are sent as null, as the real API sometimes does. */
export interface CallWire {
  id: string;
  direction: DirectionWire;
  from: string;
  to: string;
  state: CallStateWire;
  startTime: string;
  activeTime?: string;
  endTime?: string;
  chargeableDuration?: number;
  callbackUrl: string | null;
  tag: string | null;
  recordingEnabled: boolean;
  recordingFileFormat: 'wav' | 'mp3';
  transcriptionEnabled: boolean;
  bridgeId?: string;
  bridge?: string;
  conferenceId?: string;
  conference?: string;
  events: string;
  recordings: string;
  transcriptions: string;
}

export interface CallEventWire {
  id: string;
  time: string;
  name: string;
  data?: string;
}

export type GatherReasonWire = 'max-digits' | 'terminating-digit' | 'inter-digit-timeout' | 'hung-up';

export interface GatherWire {
  id: string;
  state: 'started' | 'completed';
  reason: GatherReasonWire | null;
  digits: string | null;
  call: string;
  createdTime: string;
  completedTime?: string;
  tag: string | null;
}

export interface RecordingWire {
  id: string;
  state: 'recording' | 'saving' | 'complete' | 'error';
  startTime: string;
  endTime?: string;
  call: string;
  media: string | null;
}

export interface TranscriptionWire {
  id: string;
  state: 'transcribing' | 'completed' | 'error';
  text: string | null;
  time: string;
  chargeableDuration: number | null;
  textSize: number | null;
  textUrl: string | null;
}

export interface ConferenceWire {
  id: string;
  state: 'created' | 'active' | 'completed';
  from: string;
  createdTime: string;
  completedTime?: string;
  activeMembers: number;
  hold: boolean;
  mute: boolean;
  callbackUrl: string | null;
  profile: string | null;
}

export interface MemberWire {
  id: string;
  state: 'active' | 'completed';
  mute: boolean;
  hold: boolean;
  joinTone: boolean;
  leavingTone: boolean;
  addedTime: string;
  removedTime?: string;
  call: string;
}

export interface BridgeWire {
  id: string;
  state: 'created' | 'active' | 'hold' | 'completed' | 'error';
  callIds: string[];
  calls: string;
  bridgeAudio: boolean;
  createdTime: string;
  activatedTime?: string;
  completedTime?: string;
}

/** `{category, code, message}`, with the request in `details` as Catapult adds it. */
export interface ErrorWire {
  category: string;
  code: string;
  message: string;
  details: { name: string; value: string }[];
}

/** What a POST …/audio asks for (a call, a conference, a member or a bridge). */
export interface AudioRequest {
  fileUrl?: string;
  sentence?: string;
  gender?: string;
  locale?: string;
  voice?: string;
  loopEnabled?: boolean;
  tag?: string;
}
