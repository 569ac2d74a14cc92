/**
 * A call's recordings and event timeline, where the provider keeps them (what it offers: the
 * `recordings` and `timeline` capabilities). Each recording: its state, when it started and ended, a
 * link to its audio (http(s) only), and its transcription — Transcribe when there is none, "Transcribing…"
 * while the provider works on it, the text once done. Read when the view opens and on Refresh, never on a
 * timer. A refusal (Webex keeps no recordings, an unknown call) is shown as the provider worded it.
 * Escape closes the view (its opener says how) without hiding the window.
 */
import { useId, useRef, useState } from 'preact/hooks';
import type { CallTimelineEvent, Recording } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { useBridge } from '../bridge-context';
import { throughBridge } from '../bridge-request';
import { capabilities as currentCapabilitiesSignal } from '../state';
import { RECORDING_FILE_LABELS, eventTime, mediaLink, recordingLength } from '../record-text';
import { type Read, useCallRecords } from './use-call-records';

/** A transcription this view asked for: on its way, accepted (the next read shows it), or refused. */
type Asked = { state: 'sending' } | { state: 'sent' } | { state: 'failed'; message: string };

/** The answer to show now: the read's, or while a new read travels, the previous one. */
function shown<T>(read: Read<T>): Result<T> | undefined {
  return read.loading ? read.last : read.result;
}

const byStart = (a: Recording, b: Recording): number => (a.startedAt ?? '').localeCompare(b.startedAt ?? '');
const byTime = (a: CallTimelineEvent, b: CallTimelineEvent): number => a.time.localeCompare(b.time);

function Time({ iso }: { iso: string | undefined }) {
  return iso ? <time dateTime={iso}>{eventTime(iso)}</time> : null;
}

function Transcription({
  recording,
  asked,
  titleId,
  onTranscribe,
}: {
  recording: Recording;
  asked?: Asked;
  titleId: string;
  onTranscribe: () => void;
}) {
  const t = recording.transcription;
  if (t?.state === 'completed') {
    return (
      <div class="transcription">
        <p class="transcription-label">Transcription</p>
        <blockquote class="transcription-text">{t.text?.trim() ? t.text : 'The transcription is empty: nothing was said.'}</blockquote>
      </div>
    );
  }
  if (t?.state === 'pending' || (!t && asked?.state === 'sent')) {
    return (
      <p class="transcription-pending" role="status">
        Transcribing… Press Refresh to see whether it is done.
      </p>
    );
  }
  if (recording.state !== 'complete') return null;
  return (
    <div class="transcription">
      {t?.state === 'error' && <p class="field-error">The transcription failed. You can ask for it again.</p>}
      {asked?.state === 'failed' && (
        <p class="field-error" role="alert">
          {asked.message}
        </p>
      )}
      <button type="button" class="btn" aria-describedby={titleId} disabled={asked?.state === 'sending'} onClick={onTranscribe}>
        Transcribe
      </button>
    </div>
  );
}

function RecordingItem({
  recording,
  n,
  asked,
  onTranscribe,
}: {
  recording: Recording;
  n: number;
  asked?: Asked;
  onTranscribe: () => void;
}) {
  const titleId = useId();
  const link = mediaLink(recording);
  const length = recordingLength(recording);
  return (
    <li class={`recording rec-${recording.state}`}>
      <p class="recording-title">
        <span id={titleId} class="recording-name">{`Recording ${n}`}</span>
        <span class="badge">{RECORDING_FILE_LABELS[recording.state]}</span>
      </p>
      {(recording.startedAt || recording.endedAt) && (
        <p class="recording-times">
          {recording.startedAt && (
            <>
              Started <Time iso={recording.startedAt} />
            </>
          )}
          {recording.endedAt && (
            <>
              {recording.startedAt ? ' · ended ' : 'Ended '}
              <Time iso={recording.endedAt} />
            </>
          )}
          {length && ` · ${length}`}
        </p>
      )}
      {link && (
        <a class="recording-link" href={link} target="_blank" rel="noreferrer noopener">
          {`Listen to recording ${n}`}
        </a>
      )}
      <Transcription recording={recording} asked={asked} titleId={titleId} onTranscribe={onTranscribe} />
    </li>
  );
}

function ReadState({ read, what }: { read: Read<unknown>; what: string }) {
  const result = shown(read);
  if (read.loading) {
    return (
      <p class="records-loading" role="status">
        {`Reading ${what}…`}
      </p>
    );
  }
  return result && !result.ok ? (
    <p class="field-error" role="alert">
      {result.error.message}
    </p>
  ) : null;
}

export interface CallRecordsProps {
  callId: string;
  /** Escape asks the opener to close the view. */
  onClose?: () => void;
}

export function CallRecords({ callId, onClose }: CallRecordsProps) {
  const bridge = useBridge();
  const capabilities = currentCapabilitiesSignal.value;
  const wantRecordings = capabilities.has('recordings');
  const wantTimeline = capabilities.has('timeline');
  const { recordings, timeline, reload } = useCallRecords(callId, wantRecordings, wantTimeline);
  const [asked, setAsked] = useState<ReadonlyMap<string, Asked>>(new Map());
  const recordingsTitleId = useId();
  const timelineTitleId = useId();
  const refreshRef = useRef<HTMLButtonElement>(null);

  const transcribe = async (recordingId: string) => {
    const mark = (state: Asked) => setAsked((now) => new Map(now).set(recordingId, state));
    mark({ state: 'sending' });
    const result = await throughBridge(() => bridge.requestTranscription({ recordingId }), 'ask for a transcription');
    mark(result.ok ? { state: 'sent' } : { state: 'failed', message: result.error.message });
    if (!result.ok) return;
    reload();
    // Transcribe gives way to "Transcribing…": the keyboard moves on to what comes next, Refresh.
    refreshRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !onClose) return;
    event.preventDefault();
    onClose();
  };

  if (!wantRecordings && !wantTimeline) return null;
  const recordingList = recordings && shown(recordings);
  const events = timeline && shown(timeline);

  return (
    <div class="call-records" onKeyDown={onKeyDown}>
      {recordings && (
        <section class="records-section" aria-labelledby={recordingsTitleId}>
          <h3 id={recordingsTitleId} class="section-title">
            Recordings
          </h3>
          <ReadState read={recordings} what="the recordings" />
          {recordingList?.ok &&
            (recordingList.value.length === 0 ? (
              <p class="empty">No recordings of this call.</p>
            ) : (
              <ol class="recording-list">
                {recordingList.value
                  .slice()
                  .sort(byStart)
                  .map((r, i) => (
                    <RecordingItem key={r.id} recording={r} n={i + 1} asked={asked.get(r.id)} onTranscribe={() => void transcribe(r.id)} />
                  ))}
              </ol>
            ))}
        </section>
      )}
      {timeline && (
        <section class="records-section" aria-labelledby={timelineTitleId}>
          <h3 id={timelineTitleId} class="section-title">
            Call timeline
          </h3>
          <ReadState read={timeline} what="the call timeline" />
          {events?.ok &&
            (events.value.length === 0 ? (
              <p class="empty">No events recorded for this call.</p>
            ) : (
              <ol class="timeline">
                {events.value
                  .slice()
                  .sort(byTime)
                  .map((e, i) => (
                    <li key={`${e.time}-${i}`} class="timeline-event">
                      <Time iso={e.time} />
                      <span class="timeline-name">{e.name}</span>
                      {e.detail && <span class="timeline-detail">{e.detail}</span>}
                    </li>
                  ))}
              </ol>
            ))}
        </section>
      )}
      <div class="form-actions">
        <button ref={refreshRef} type="button" class="btn" onClick={reload}>
          Refresh
        </button>
      </div>
    </div>
  );
}
