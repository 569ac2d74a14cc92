/**
 * Carries one call command from the UI to the provider, exactly once. It takes the command already
 * parsed and normalised at the boundary (src/main/runtime/command-invocation.ts; the shell builds its
 * own with src/shared/call-reference.ts), refuses unknown calls and what the call's current state does
 * not allow (nothing is sent then), marks the call
 * pending, sends, and answers with a Result. When the outcome of a failed command is unknown (timeout,
 * network, 5xx, unreadable answer) or the call was not found, it re-reads the real state first and says
 * what is true now. It never resends and never throws. Talks only to the Provider interface, the store
 * and the feed (feed-supervisor.ts: hurry, reconcile); must not import electron.
 */
import type { CallCommand, CommandOutcome } from '../../shared/contract';
import type { Action, Call } from '../../shared/domain';
import { err, ok, type AppError, type Result } from '../../shared/result';
import type { Provider } from '../provider-api/provider';
import { outcomeUnknown } from '../provider-api/provider-error';
import type { CallStore } from './call-store';
import { actionLabel } from '../../shared/action-labels';
import { describeCallState, joinTruth, truthAbout } from './command-wording';
import { appErrorOf } from './error-values';
import { confirms } from './pending-effects';

export interface CommandDispatcherOptions {
  provider: Pick<Provider, 'execute'>;
  store: CallStore;
  poller: { hurry(): void; reconcile(): Promise<Result<null>> };
  providerName: string;
}

export interface CommandDispatcher {
  dispatch(command: CallCommand): Promise<Result<CommandOutcome>>;
}

/** Commands that create or join a call rather than act on one of mine. */
type CallFreeType = 'dial' | 'retrieve' | 'pickup' | 'bargeIn' | 'listen';
const CALL_FREE = new Set<CallCommand['type']>(['dial', 'retrieve', 'pickup', 'bargeIn', 'listen']);

/** The calls a command acts on, with the Action it needs; empty for dial/retrieve/pickup/barge-in. */
function targetsOf(command: CallCommand): { callId: string; action: Action; mustAllow: boolean }[] {
  if (CALL_FREE.has(command.type)) return [];
  if (command.type === 'attendedTransfer') {
    const targets: { callId: string; action: Action; mustAllow: boolean }[] = [];
    if (command.callId) targets.push({ callId: command.callId, action: 'attendedTransfer', mustAllow: true });
    // The other call joins the transfer; it ends with it but needs no action of its own.
    if (command.otherCallId) targets.push({ callId: command.otherCallId, action: 'attendedTransfer', mustAllow: false });
    return targets;
  }
  const { type, callId } = command as Exclude<CallCommand, { type: CallFreeType | 'attendedTransfer' }>;
  return [{ callId, action: type, mustAllow: true }];
}

function notAllowed(action: Action, call: Call): Result<never> {
  const label = actionLabel(action);
  if ((action === 'mute' || action === 'unmute') && !call.muteCapable) {
    return err('NOT_ALLOWED', `${label} is not available for this call: it cannot be muted from here.`);
  }
  return err('NOT_ALLOWED', `${label} is not available now: the call is ${describeCallState(call)}.`);
}

export function createCommandDispatcher(options: CommandDispatcherOptions): CommandDispatcher {
  const { provider, store, poller, providerName } = options;

  /** After an unknown outcome: re-read, then say what is true now about the call(s) concerned. */
  async function explainAfterReread(
    command: CallCommand,
    error: AppError,
    before: Map<string, Call | undefined>,
    idsBefore: Set<string>,
  ): Promise<AppError> {
    const reread = await poller.reconcile();
    if (!reread.ok) {
      return {
        ...error,
        message: joinTruth(error.message, `Switchboard could not check what happened (${reread.error.message.replace(/\.$/, '')})`),
      };
    }
    const targets = targetsOf(command);
    const first = targets[0];
    if (first) {
      const after = store.call(first.callId);
      // Done (or moot: the call is gone), so trying again would not help.
      const applied = confirms(first.action, after);
      return {
        ...error,
        message: joinTruth(error.message, truthAbout(first.action, before.get(first.callId), after)),
        retryable: error.retryable && !applied,
      };
    }
    const idsAfter = new Set(store.calls().map((c) => c.id));
    if (CALL_FREE.has(command.type)) {
      const appeared = [...idsAfter].some((id) => !idsBefore.has(id));
      const truth = appeared ? 'a new call has appeared in your call list' : 'no new call was started';
      return { ...error, message: joinTruth(error.message, truth), retryable: error.retryable && !appeared };
    }
    // An attended transfer between "my only two calls", named by no id.
    const ended = [...idsBefore].some((id) => !idsAfter.has(id));
    const truth = ended ? 'some of your calls have ended' : 'your calls are as they were';
    return { ...error, message: joinTruth(error.message, truth), retryable: error.retryable && !ended };
  }

  async function send(command: CallCommand): Promise<Result<CommandOutcome>> {
    const targets = targetsOf(command);
    for (const { callId, action, mustAllow } of targets) {
      const call = store.call(callId);
      if (!call) return err('NOT_FOUND', 'No such call: it may have ended.');
      if (!mustAllow) continue;
      if (!call.actions.includes(action)) return notAllowed(action, call);
      if (call.pending === action && action !== 'dtmf') return err('NOT_ALLOWED', `${actionLabel(action)} is already in progress.`);
    }

    const before = new Map(targets.map((t) => [t.callId, store.call(t.callId)]));
    const idsBefore = new Set(store.calls().map((c) => c.id));
    for (const { callId, action } of targets) store.markPending(callId, action);
    poller.hurry();

    let outcome: CommandOutcome;
    try {
      outcome = await provider.execute(command);
    } catch (error) {
      for (const { callId, action } of targets) store.clearPending(callId, action);
      const appError = appErrorOf(error, providerName);
      if (!outcomeUnknown(error) && appError.code !== 'NOT_FOUND') return { ok: false, error: appError };
      return { ok: false, error: await explainAfterReread(command, appError, before, idsBefore) };
    }
    for (const { callId, action } of targets) store.acceptPending(callId, action);
    return ok(outcome);
  }

  return {
    async dispatch(command) {
      try {
        return await send(command);
      } catch (error) {
        // Only a defect gets here (the provider's refusals are handled in send): still a value, not a throw.
        return { ok: false, error: appErrorOf(error, providerName) };
      }
    },
  };
}
