/**
 * The way to a call's recordings and timeline from a call card or a history entry: a Recordings
 * button (a disclosure) that opens CallRecords right below it and closes it again; opening reads them
 * afresh. Absent when the provider keeps neither recordings nor timelines, or the entry has no call id.
 * Escape inside the view closes it and puts focus back on the button.
 */
// Its own styles come with it, so any window that places the link (panel cards, history) has them.
import '../styles/call-records.css';
import { useId, useRef, useState } from 'preact/hooks';
import { capabilities as currentCapabilitiesSignal } from '../state';
import { CallRecords } from './CallRecords';

export interface CallRecordsLinkProps {
  callId: string | undefined;
  /** Who the call was with, so the button's name tells one row's from another's ("Recordings of the call with Ada"). */
  who?: string;
}

export function CallRecordsLink({ callId, who }: CallRecordsLinkProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const viewId = useId();
  const capabilities = currentCapabilitiesSignal.value;
  const hasRecordings = capabilities.has('recordings');
  if (!callId || (!hasRecordings && !capabilities.has('timeline'))) return null;

  const text = hasRecordings ? 'Recordings' : 'Call timeline';
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div class="call-records-link disclosure">
      <button
        ref={button}
        type="button"
        class="btn btn-link"
        aria-expanded={open}
        aria-controls={viewId}
        aria-label={who ? `${text} of the call with ${who}` : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {text}
      </button>
      <div id={viewId}>{open && <CallRecords callId={callId} onClose={close} />}</div>
    </div>
  );
}
