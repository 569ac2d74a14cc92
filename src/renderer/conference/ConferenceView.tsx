/**
 * One live conference or bridge: what it is (merged, a bridge, a barge-in …), its state, how many take
 * part and whether I am muted; its own controls; the participants with theirs; Speak / Play audio into
 * it; Add to conference when another of my calls can join, and Dial into conference when the provider
 * dials members in. Only what the conference's and each participant's `actions` allow is offered. With
 * several shown, the heading names who is in it so the sections can be told apart.
 */
import { PendingLine } from '../components/PendingLine';
import { useId } from 'preact/hooks';
import type { Conference } from '../../shared/domain';
import { CONFERENCE_STATE_LABELS, CONFERENCE_TYPE_LABELS } from '../labels';
import { partyTitle } from '../../shared/party-text';
import { conferencesInFlight, hasCapability } from '../state';
import { AddParticipantForm } from './AddParticipantForm';
import { AudioControls } from './AudioControls';
import { DialIntoForm } from './DialIntoForm';
import { HostControls } from './HostControls';
import { ParticipantRow } from './ParticipantRow';

function countText(n: number): string {
  return n === 1 ? '1 participant' : `${n} participants`;
}

function withWhom(conference: Conference): string {
  const names = conference.participants.map((p) => (p.party ? partyTitle(p.party) : 'a participant'));
  return names.length === 0 ? '' : ` with ${names.join(', ')}`;
}

export function ConferenceView({ conference, several = false }: { conference: Conference; several?: boolean }) {
  const titleId = useId();
  const listTitleId = useId();
  const busy = conference.pending !== undefined || conferencesInFlight.value.has(conference.id);
  const isBridge = conference.type === 'bridge';
  const kind = conference.type ? CONFERENCE_TYPE_LABELS[conference.type] : 'In conference';
  const title = several ? `${kind}${withWhom(conference)}` : kind;
  const canAdd = conference.actions.includes('addToConference');
  const canDialIn = canAdd && hasCapability('startConference');

  return (
    <section class={`conference state-${conference.state}${isBridge ? ' bridge' : ''}`} aria-labelledby={titleId} aria-busy={busy}>
      <header class="conference-summary">
        <h2 id={titleId} class="section-title">
          {title}
        </h2>
        <p class="conference-state">
          <span class="state-label">{CONFERENCE_STATE_LABELS[conference.state]}</span>
          {isBridge
            ? ` · ${conference.state === 'held' ? 'the two calls do not hear each other' : 'two calls connected'}`
            : ` · ${countText(conference.participants.length)}`}
        </p>
        {conference.muted && (
          <p class="call-badges">
            <span class="badge badge-muted">You are muted</span>
          </p>
        )}
      </header>
      {busy && <PendingLine pending={conference.pending} />}
      <HostControls conference={conference} busy={busy} />
      <AudioControls
        actions={conference.actions}
        conferenceId={conference.id}
        target={isBridge ? 'the bridge' : 'the conference'}
        disabled={busy}
      />
      <section class="participants" aria-labelledby={listTitleId}>
        <h3 id={listTitleId} class="section-title">
          {isBridge ? 'Connected calls' : 'Participants'}
        </h3>
        {conference.participants.length === 0 ? (
          <p class="empty">{canDialIn ? 'No one is in it yet: dial someone in below.' : 'No one is in it yet.'}</p>
        ) : (
          <ul class="participant-list">
            {conference.participants.map((participant) => (
              <ParticipantRow key={participant.callId} conference={conference} participant={participant} />
            ))}
          </ul>
        )}
      </section>
      {canAdd && <AddParticipantForm conference={conference} />}
      {canDialIn && <DialIntoForm conference={conference} disabled={busy} />}
    </section>
  );
}
