/**
 * Carries one conference command from the UI to the provider, exactly once, with the guarantees of
 * call commands: it takes the command already parsed at the boundary (runtime/command-invocation.ts),
 * refuses a conference id the store does not show in progress (NOT_FOUND) and what that conference's or
 * the call's current `actions` do not allow (NOT_ALLOWED), nothing sent either way; then marks what it acts on pending, sends, and
 * answers with a Result. A merge without ids takes every call that offers Merge, so the provider is
 * always told which calls. When the outcome is unknown (timeout, network, 5xx, unreadable answer) or
 * something was not found, it re-reads first and says what is true now. It never resends and never
 * throws. Talks only to the Provider interface, the store and the poller; must not import electron.
 */
import type { ConferenceCommand } from '../../shared/contract';
import type { Action, Conference } from '../../shared/domain';
import { type AppError, type Result, err, ok } from '../../shared/result';
import type { Provider } from '../provider-api/provider';
import { outcomeUnknown } from '../provider-api/provider-error';
import type { CallStore } from './call-store';
import { actionLabel } from '../../shared/action-labels';
import { joinTruth } from './command-wording';
import { conferenceConfirms } from './conference-effects';
import { callCannotJoin, conferenceNotAllowed, conferenceTruth, joiningTruth, participantNotAllowed } from './conference-wording';
import { appErrorOf } from './error-values';

export interface ConferenceDispatcherOptions {
  provider: Pick<Provider, 'executeConference'>;
  store: CallStore;
  poller: { hurry(): void; reconcile(): Promise<Result<null>> };
  providerName: string;
}

export interface ConferenceDispatcher {
  dispatch(command: ConferenceCommand): Promise<Result<null>>;
}

/**
 * What one command will do: the command as sent, and what it marks pending — my calls joining a
 * conference (merge creates one, so it has no conferenceId; add names one: marked on the calls), or a
 * host (no callId) or participant control (marked on the named conference).
 */
type Plan =
  | { command: ConferenceCommand; kind: 'join'; callIds: string[]; action: 'merge' | 'addToConference'; conferenceId?: string }
  | { command: ConferenceCommand; kind: 'control'; conferenceId: string; action: Action; callId?: string }
  | { command: ConferenceCommand; kind: 'create' };

type HostType = 'muteHost' | 'unmuteHost' | 'holdConference' | 'resumeConference' | 'release' | 'leave' | 'dialIntoConference';
type ParticipantType =
  'muteParticipant' | 'unmuteParticipant' | 'deafen' | 'undeafen' | 'removeParticipant' | 'holdParticipant' | 'resumeParticipant';
/** Speak or play: to the whole conference (a host control) or, with a callId, to one participant. */
type AudioType = 'speakToConference' | 'playToConference';

const HOST_ACTIONS: Record<HostType, Action> = {
  muteHost: 'mute',
  unmuteHost: 'unmute',
  holdConference: 'hold',
  resumeConference: 'resume',
  release: 'releaseConference',
  leave: 'leaveConference',
  dialIntoConference: 'addToConference',
};

const PARTICIPANT_ACTIONS: Record<ParticipantType, Action> = {
  muteParticipant: 'mute',
  unmuteParticipant: 'unmute',
  deafen: 'deafen',
  undeafen: 'undeafen',
  removeParticipant: 'removeParticipant',
  holdParticipant: 'hold',
  resumeParticipant: 'resume',
};

const AUDIO_ACTIONS: Record<AudioType, Action> = { speakToConference: 'speak', playToConference: 'playAudio' };

/**
 * Controls whose effect no snapshot shows (speech and audio), or shows as something new (a member
 * dialled in is a new call): done when the provider accepts them.
 */
const DONE_ON_SUCCESS = new Set<Action>(['speak', 'playAudio', 'addToConference']);

function isHostType(type: ConferenceCommand['type']): type is HostType {
  return type in HOST_ACTIONS;
}

function isAudioType(type: ConferenceCommand['type']): type is AudioType {
  return type in AUDIO_ACTIONS;
}

const NO_CONFERENCE = 'That conference is not in progress: it may have ended.';

function isLive(conference: Conference | undefined): conference is Conference {
  return conference !== undefined && conference.state !== 'disconnected';
}

/** Checks the command against what the store shows now; nothing is sent when this fails. */
function planFor(command: ConferenceCommand, store: CallStore): Result<Plan> {
  if (command.type === 'merge') {
    const live = store.conferences().filter(isLive);
    const inConference = (callId: string) => live.some((c) => c.participants.some((p) => p.callId === callId));
    // Without ids: every call that offers Merge and is in no conference yet (a merge makes a new one).
    const callIds =
      command.callIds ??
      store
        .calls()
        .filter((c) => c.actions.includes('merge') && !inConference(c.id))
        .map((c) => c.id);
    for (const callId of callIds) {
      const call = store.call(callId);
      if (!call) return err('NOT_FOUND', 'No such call: it may have ended.');
      if (inConference(callId)) return err('NOT_ALLOWED', 'The call is already in a conference.');
      if (!call.actions.includes('merge')) return err('NOT_ALLOWED', callCannotJoin('merge', call));
      if (call.pending === 'merge') return err('NOT_ALLOWED', 'Merge is already in progress.');
    }
    if (callIds.length < 2) return err('NOT_ALLOWED', 'Merge needs at least two answered calls.');
    return ok({ command: { ...command, callIds }, kind: 'join', callIds, action: 'merge' });
  }
  if (command.type === 'startConference') return ok({ command, kind: 'create' });
  if (command.type === 'bridge') {
    // A bridge joins two of my calls like a merge does (the calls offer Merge when they can be bridged).
    for (const callId of command.callIds) {
      const call = store.call(callId);
      if (!call) return err('NOT_FOUND', 'No such call: it may have ended.');
      if (!call.actions.includes('merge')) return err('NOT_ALLOWED', callCannotJoin('merge', call));
      if (call.pending === 'merge') return err('NOT_ALLOWED', 'Merge is already in progress.');
    }
    return ok({ command, kind: 'join', callIds: [...command.callIds], action: 'merge' });
  }
  const { conferenceId } = command;
  const conference = store.conference(conferenceId);
  if (!isLive(conference)) return err('NOT_FOUND', NO_CONFERENCE);
  if (command.type === 'addParticipant') {
    const call = store.call(command.callId);
    if (!call) return err('NOT_FOUND', 'No such call: it may have ended.');
    if (conference.participants.some((p) => p.callId === call.id)) return err('NOT_ALLOWED', 'The call is already in the conference.');
    if (!conference.actions.includes('addToConference')) return err('NOT_ALLOWED', conferenceNotAllowed('addToConference', conference));
    if (!call.actions.includes('addToConference')) return err('NOT_ALLOWED', callCannotJoin('addToConference', call));
    if (call.pending === 'addToConference') return err('NOT_ALLOWED', 'Add to conference is already in progress.');
    return ok({ command, kind: 'join', callIds: [call.id], action: 'addToConference', conferenceId });
  }
  if (isHostType(command.type)) {
    const action = HOST_ACTIONS[command.type];
    if (!conference.actions.includes(action)) return err('NOT_ALLOWED', conferenceNotAllowed(action, conference));
    if (store.conferencePending(conferenceId) === action) return err('NOT_ALLOWED', `${actionLabel(action)} is already in progress.`);
    return ok({ command, kind: 'control', conferenceId, action });
  }
  if ((command.type === 'speakToConference' || command.type === 'playToConference') && command.callId === undefined) {
    const action = AUDIO_ACTIONS[command.type];
    if (!conference.actions.includes(action)) return err('NOT_ALLOWED', conferenceNotAllowed(action, conference));
    return ok({ command, kind: 'control', conferenceId, action });
  }
  const { callId } = command as Extract<ConferenceCommand, { type: ParticipantType | AudioType }> & { callId: string };
  const action = isAudioType(command.type) ? AUDIO_ACTIONS[command.type] : PARTICIPANT_ACTIONS[command.type as ParticipantType];
  const participant = conference.participants.find((p) => p.callId === callId);
  if (!participant) return err('NOT_FOUND', 'That call is not in the conference (any more).');
  if (!participant.actions.includes(action)) return err('NOT_ALLOWED', participantNotAllowed(action, participant, conference));
  if (store.conferencePending(conferenceId, callId) === action) return err('NOT_ALLOWED', `${actionLabel(action)} is already in progress.`);
  return ok({ command, kind: 'control', conferenceId, action, callId });
}

export function createConferenceDispatcher(options: ConferenceDispatcherOptions): ConferenceDispatcher {
  const { provider, store, poller, providerName } = options;

  function markAll(plan: Plan): void {
    if (plan.kind === 'join') for (const callId of plan.callIds) store.markPending(callId, plan.action);
    else if (plan.kind === 'control') store.markConferencePending(plan.conferenceId, plan.action, plan.callId);
  }

  function clearAll(plan: Plan): void {
    if (plan.kind === 'join') for (const callId of plan.callIds) store.clearPending(callId, plan.action);
    else if (plan.kind === 'control') store.clearConferencePending(plan.conferenceId, plan.action, plan.callId);
  }

  function acceptAll(plan: Plan): void {
    if (plan.kind === 'join') for (const callId of plan.callIds) store.acceptPending(callId, plan.action);
    else if (plan.kind === 'control' && DONE_ON_SUCCESS.has(plan.action))
      store.clearConferencePending(plan.conferenceId, plan.action, plan.callId);
    else if (plan.kind === 'control') store.acceptConferencePending(plan.conferenceId, plan.action, plan.callId);
  }

  /** After an unknown outcome: re-read, then say what is true now about what the command was for. */
  async function explainAfterReread(plan: Plan, error: AppError): Promise<AppError> {
    const reread = await poller.reconcile();
    if (!reread.ok) {
      return {
        ...error,
        message: joinTruth(error.message, `Switchboard could not check what happened (${reread.error.message.replace(/\.$/, '')})`),
      };
    }
    if (plan.kind === 'join') {
      // An add counts only in the conference it named; a merge in whichever conference now holds the calls.
      const named = plan.conferenceId === undefined ? undefined : store.conference(plan.conferenceId);
      const candidates = plan.conferenceId === undefined ? store.conferences() : named ? [named] : [];
      const joined = candidates.some((c) => plan.callIds.every((id) => c.participants.some((p) => p.callId === id)));
      return { ...error, message: joinTruth(error.message, joiningTruth(plan.callIds, candidates)), retryable: error.retryable && !joined };
    }
    if (plan.kind === 'create') {
      const live = store.conferences().filter(isLive).length;
      return {
        ...error,
        message: joinTruth(error.message, `${live === 0 ? 'No conference' : `${live} conference${live === 1 ? '' : 's'}`} in progress now`),
      };
    }
    const now = store.conference(plan.conferenceId);
    const applied = conferenceConfirms(plan.action, plan.callId, now);
    return {
      ...error,
      message: joinTruth(error.message, conferenceTruth(plan.action, plan.callId, now)),
      retryable: error.retryable && !applied,
    };
  }

  async function send(plan: Plan): Promise<Result<null>> {
    markAll(plan);
    poller.hurry();
    try {
      await provider.executeConference(plan.command);
    } catch (error) {
      clearAll(plan);
      const appError = appErrorOf(error, providerName);
      if (!outcomeUnknown(error) && appError.code !== 'NOT_FOUND') return { ok: false, error: appError };
      return { ok: false, error: await explainAfterReread(plan, appError) };
    }
    acceptAll(plan);
    return ok(null);
  }

  return {
    async dispatch(command) {
      const plan = planFor(command, store);
      if (!plan.ok) return plan;
      try {
        return await send(plan.value);
      } catch (error) {
        // Only a defect gets here (the provider's refusals are handled in send): still a value, not a throw.
        return { ok: false, error: appErrorOf(error, providerName) };
      }
    },
  };
}
