/**
 * Reads a call's recordings and event timeline through the Bridge when a view opens and again on
 * `reload()` (the Refresh button, or after a transcription was asked for): never on a timer, so
 * nothing depends on how fast the provider is. Each read is a Result shown as it is; an answer that
 * arrives after the view closed, or after a newer read started, is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CallTimelineEvent, Recording } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { useBridge } from '../bridge-context';
import { throughBridge } from '../bridge-request';

/** One read: under way (with what the previous read showed, if any), or its answer. */
export type Read<T> = { loading: true; last?: Result<T> } | { loading: false; result: Result<T> };

export interface CallRecordsState {
  recordings?: Read<Recording[]>;
  timeline?: Read<CallTimelineEvent[]>;
  reload: () => void;
}

function loadingAfter<T>(previous: Read<T> | undefined): Read<T> {
  if (!previous) return { loading: true };
  return previous.loading ? previous : { loading: true, last: previous.result };
}

export function useCallRecords(callId: string, wantRecordings: boolean, wantTimeline: boolean): CallRecordsState {
  const bridge = useBridge();
  const [recordings, setRecordings] = useState<Read<Recording[]> | undefined>(wantRecordings ? { loading: true } : undefined);
  const [timeline, setTimeline] = useState<Read<CallTimelineEvent[]> | undefined>(wantTimeline ? { loading: true } : undefined);
  const generation = useRef(0);

  const reload = useCallback(() => {
    generation.current += 1;
    const mine = generation.current;
    const current = () => mine === generation.current;
    if (!wantRecordings) setRecordings(undefined);
    else {
      setRecordings(loadingAfter);
      void throughBridge(() => bridge.recordings({ callId }), 'read the recordings').then((result) => {
        if (current()) setRecordings({ loading: false, result });
      });
    }
    if (!wantTimeline) setTimeline(undefined);
    else {
      setTimeline(loadingAfter);
      void throughBridge(() => bridge.timeline({ callId }), 'read the call timeline').then((result) => {
        if (current()) setTimeline({ loading: false, result });
      });
    }
  }, [bridge, callId, wantRecordings, wantTimeline]);

  useEffect(() => {
    reload();
    // Closing the view (or a new call id) makes every answer still travelling stale.
    return () => {
      generation.current += 1;
    };
  }, [reload]);

  return { recordings, timeline, reload };
}
