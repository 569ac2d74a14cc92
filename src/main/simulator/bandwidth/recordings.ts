/**
 * Call recordings and their transcriptions (docs/wire/ringcentral-and-bandwidth.md §B2, §B3): a
 * recording is `recording` while the call records, `saving` briefly, then `complete`; a transcription
 * is `transcribing`, then `completed` with text after a delay. Driven by call changes. No HTTP here.
 */
import type { SimCall, SimCalls } from './calls';
import { SimRefusal } from './errors';
import type { IdSource } from './ids';
import type { SimTimers } from './sim-timers';
import type { RecordingWire, TranscriptionWire } from './wire-types';

const SAVING_MS = 500;

interface SimRecording {
  id: string;
  callId: string;
  state: RecordingWire['state'];
  startTime: string;
  endTime?: string;
  format: 'wav' | 'mp3';
}

interface SimTranscription {
  id: string;
  recordingId: string;
  state: TranscriptionWire['state'];
  time: string;
  text?: string;
  seconds?: number;
}

export class SimRecordings {
  private readonly recordings = new Map<string, SimRecording>();
  private readonly transcriptions = new Map<string, SimTranscription>();

  constructor(
    private readonly timers: SimTimers,
    private readonly ids: IdSource,
    private readonly calls: SimCalls,
    private readonly userUrl: string,
    private readonly transcriptionMs: number,
    private readonly transcriptText: (recordingId: string) => string,
  ) {
    calls.onChange((call) => this.follow(call));
  }

  forCall(callId: string): RecordingWire[] {
    this.calls.get(callId);
    return [...this.recordings.values()].filter((r) => r.callId === callId).map((r) => this.toWire(r));
  }

  all(): RecordingWire[] {
    return [...this.recordings.values()].reverse().map((r) => this.toWire(r));
  }

  get(id: string): RecordingWire {
    return this.toWire(this.find(id));
  }

  /** POST /recordings/{id}/transcriptions: only a complete recording can be transcribed. */
  transcribe(recordingId: string): string {
    const recording = this.find(recordingId);
    if (recording.state !== 'complete')
      throw new SimRefusal(403, 'invalid-recording-state', `Cannot transcribe the recording ${recordingId}: the state must be complete`);
    return this.startTranscription(recording);
  }

  transcriptionsOf(recordingId: string): TranscriptionWire[] {
    this.find(recordingId);
    return [...this.transcriptions.values()].filter((t) => t.recordingId === recordingId).map((t) => this.transcriptionWire(t));
  }

  transcriptionsOfCall(callId: string): TranscriptionWire[] {
    const ids = new Set(this.forCall(callId).map((r) => r.id));
    return [...this.transcriptions.values()].filter((t) => ids.has(t.recordingId)).map((t) => this.transcriptionWire(t));
  }

  transcription(recordingId: string, id: string): TranscriptionWire {
    const t = this.transcriptions.get(id);
    if (!t || t.recordingId !== recordingId)
      throw new SimRefusal(404, 'transcription-not-found', `The transcription ${id} could not be found`);
    return this.transcriptionWire(t);
  }

  private find(id: string): SimRecording {
    const recording = this.recordings.get(id);
    if (!recording) throw new SimRefusal(404, 'recording-not-found', `The recording ${id} could not be found`);
    return recording;
  }

  private follow(call: SimCall): void {
    const open = [...this.recordings.values()].find((r) => r.callId === call.id && r.state === 'recording');
    const shouldRecord = call.recordingEnabled && call.state === 'active';
    if (shouldRecord && !open) {
      const recording: SimRecording = {
        id: this.ids.make('rec'),
        callId: call.id,
        state: 'recording',
        startTime: this.timers.iso(),
        format: call.recordingFileFormat,
      };
      this.recordings.set(recording.id, recording);
      this.calls.event(call, 'recording', 'recording');
    } else if (!shouldRecord && open) {
      open.state = 'saving';
      open.endTime = this.timers.iso();
      this.timers.after(SAVING_MS, () => {
        open.state = 'complete';
        this.calls.event(call, 'recording', 'complete');
        if (call.transcriptionEnabled) this.startTranscription(open);
      });
    }
  }

  private startTranscription(recording: SimRecording): string {
    const t: SimTranscription = { id: this.ids.make('tr'), recordingId: recording.id, state: 'transcribing', time: this.timers.iso() };
    this.transcriptions.set(t.id, t);
    this.timers.after(this.transcriptionMs, () => {
      t.state = 'completed';
      t.text = this.transcriptText(recording.id).slice(0, 1000);
      const started = Date.parse(recording.startTime);
      t.seconds = Math.max(1, Math.round((Date.parse(recording.endTime ?? recording.startTime) - started) / 1000));
    });
    return t.id;
  }

  private toWire(r: SimRecording): RecordingWire {
    const wire: RecordingWire = {
      id: r.id,
      state: r.state,
      startTime: r.startTime,
      call: `${this.userUrl}/calls/${r.callId}`,
      media: r.state === 'complete' ? `${this.userUrl}/media/${r.id}.${r.format}` : null,
    };
    if (r.endTime) wire.endTime = r.endTime;
    return wire;
  }

  private transcriptionWire(t: SimTranscription): TranscriptionWire {
    const done = t.state === 'completed' && t.text !== undefined;
    return {
      id: t.id,
      state: t.state,
      text: done ? (t.text ?? null) : null,
      time: t.time,
      chargeableDuration: done ? (t.seconds ?? null) : null,
      textSize: done ? (t.text?.length ?? null) : null,
      textUrl: done ? `${this.userUrl}/media/${t.id}.txt` : null,
    };
  }
}
