/**
 * How a command names one call: the `{callId, line}` reference, and the commands that need nothing
 * but it (Answer, Hold, Mute …). The renderer's buttons and the shell's shortcuts, tray and
 * notifications build their commands here, so every sender produces the same valid command.
 * Pure; the contract is imported for its types only.
 */
import type { CallCommand } from './contract';
import type { Call } from './domain';

export interface CallReference {
  callId: string;
  /** The line owner; absent (not undefined) for the default line. */
  line?: string;
}

/** The `{callId, line}` part of a command about one call, without undefined keys. */
export function callRef(call: Pick<Call, 'id' | 'line'>): CallReference {
  return call.line ? { callId: call.id, line: call.line } : { callId: call.id };
}

/** A command type whose command is complete with just the call reference. */
type CallOnly<C> = C extends { type: infer T; callId: string } ? ({ type: T; callId: string; line?: string } extends C ? T : never) : never;
export type CallOnlyCommandType = CallOnly<CallCommand>;

/** The command `type` for `call`, e.g. callCommand('hold', call). */
export function callCommand<T extends CallOnlyCommandType>(type: T, call: Pick<Call, 'id' | 'line'>): Extract<CallCommand, { type: T }> {
  return { type, ...callRef(call) } as Extract<CallCommand, { type: T }>;
}
