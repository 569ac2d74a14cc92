/**
 * Which recording controls the user's recording mode allows and what they do (docs/wire/webex-calling.md §7):
 * always = recorded from connect, no controls; alwaysWithPause = recorded from connect, pause/resume
 * only; onDemand = start/stop/pause/resume; never = nothing. Pure.
 */
import { SimRefusal } from './errors';
import type { RecordingMode, RecordingStateWire } from './types';

export type RecordingControl = 'start' | 'stop' | 'pause' | 'resume';

/** The recording state a call gets the moment it connects. */
export function recordingOnConnect(mode: RecordingMode): RecordingStateWire | undefined {
  return mode === 'always' || mode === 'alwaysWithPause' ? 'started' : undefined;
}

const MODE_NAMES: Record<RecordingMode, string> = {
  always: 'Always',
  alwaysWithPause: 'Always with Pause/Resume',
  onDemand: 'On Demand',
  never: 'Never',
};

export function applyRecordingControl(
  mode: RecordingMode,
  current: RecordingStateWire | undefined,
  control: RecordingControl,
): RecordingStateWire {
  if (mode === 'never') throw SimRefusal.stateForbids('Call recording is turned off for this user (recording mode Never)');
  if (mode === 'always') throw SimRefusal.stateForbids('Recording mode Always does not allow recording controls');
  if (mode === 'alwaysWithPause' && (control === 'start' || control === 'stop')) {
    throw SimRefusal.stateForbids(
      `${control === 'start' ? 'Start' : 'Stop'} recording requires recording mode On Demand (the user's mode is ${MODE_NAMES[mode]})`,
    );
  }
  switch (control) {
    case 'start':
      if (current === 'started' || current === 'paused' || current === 'pending')
        throw SimRefusal.stateForbids('Recording is already in progress for this call');
      return 'started';
    case 'stop':
      if (current !== 'started' && current !== 'paused')
        throw SimRefusal.stateForbids('Stop recording requires a call that is being recorded');
      return 'stopped';
    case 'pause':
      if (current !== 'started') throw SimRefusal.stateForbids('Pause recording requires a call that is being recorded');
      return 'paused';
    case 'resume':
      if (current !== 'paused') throw SimRefusal.stateForbids('Resume recording requires a paused recording');
      return 'started';
  }
}
