/**
 * One live conference: what it is (merged, or a barge-in …), its state, how many take part and whether
 * I am muted; my controls; the participants; and Add to conference when another of my calls can join.
 * Only what the conference's and each participant's `actions` allow is offered. With several
 * conferences shown, the heading names who is in it so the sections can be told apart.
 */
import { PendingLine } from '../components/PendingLine';
import { useId } from 'preact/hooks';
import type { Conference } from '../../shared/domain';
import { CONFERENCE_STATE_LABELS, CONFERENCE_TYPE_LABELS } from '../labels';
import { partyTitle } from '../../shared/party-text';
import { conferencesInFlight } from '../state';
import { AddParticipantForm } from './AddParticipantForm';
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
  const kind = conference.type ? CONFERENCE_TYPE_LABELS[conference.type] : 'In conference';
  const title = several ? `${kind}${withWhom(conference)}` : kind;

  return (
    <section class={`conference state-${conference.state}`} aria-labelledby={titleId} aria-busy={busy}>
      <header class="conference-summary">
        <h2 id={titleId} class="section-title">
          {title}
        </h2>
        <p class="conference-state">
          <span class="state-label">{CONFERENCE_STATE_LABELS[conference.state]}</span>
          {` · ${countText(conference.participants.length)}`}
        </p>
        {conference.muted && (
          <p class="call-badges">
            <span class="badge badge-muted">You are muted</span>
          </p>
        )}
      </header>
      {busy && <PendingLine pending={conference.pending} />}
      <HostControls conference={conference} busy={busy} />
      <section class="participants" aria-labelledby={listTitleId}>
        <h3 id={listTitleId} class="section-title">
          Participants
        </h3>
        <ul class="participant-list">
          {conference.participants.map((participant) => (
            <ParticipantRow key={participant.callId} conference={conference} participant={participant} />
          ))}
        </ul>
      </section>
      {conference.actions.includes('addToConference') && <AddParticipantForm conference={conference} />}
    </section>
  );
}
