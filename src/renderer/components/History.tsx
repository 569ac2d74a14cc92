/**
 * Call history: all, placed, missed or received, with the count of new missed calls on the Missed tab.
 * Each row with a number is a button that calls it back; a hidden caller shows as "Private number"
 * and cannot be called back.
 */
import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry, HistoryType } from '../../shared/domain';
import { normalizeDestination } from '../../shared/dial-string';
import { useBridge } from '../bridge-context';
import { historyTime } from '../call-text';
import { partySubtitle, partyTitle } from '../../shared/party-text';
import { HISTORY_LABELS } from '../labels';
import { sendCommand } from '../send-command';
import { history, historyError } from '../state';
import { markMissedSeen, unseenMissedCount } from './missed-calls';
import { TabList, tabId } from './TabList';
import { CallRecordsLink } from './CallRecordsLink';

type Filter = 'all' | HistoryType;
const ID_BASE = 'history';
const PANEL_ID = 'history-list';

function byNewest(a: HistoryEntry, b: HistoryEntry): number {
  return (Date.parse(b.time) || 0) - (Date.parse(a.time) || 0);
}

function HistoryRow({ entry }: { entry: HistoryEntry }) {
  const bridge = useBridge();
  const title = partyTitle(entry);
  const subtitle = partySubtitle(entry);
  const when = historyTime(entry);
  const destination = !entry.privacy && entry.number ? normalizeDestination(entry.number) : undefined;
  const body = (
    <>
      <span class={`history-type type-${entry.type}`}>{HISTORY_LABELS[entry.type]}</span>
      <span class="history-who">
        <span class="history-name">{title}</span>
        {subtitle && <span class="history-number">{subtitle}</span>}
      </span>
      <time class="history-time" dateTime={entry.time}>
        {when}
      </time>
    </>
  );
  // Recordings and the event timeline, where the provider keeps them: beside the row (a row is a button).
  const records = entry.callId ? <CallRecordsLink callId={entry.callId} who={title} /> : null;
  if (!destination?.ok) {
    return (
      <li class="history-row history-row-static">
        {body}
        {records}
      </li>
    );
  }
  const to = destination.value;
  return (
    <li>
      <button
        type="button"
        class="history-row"
        aria-label={`Call back ${title}${subtitle ? ` ${subtitle}` : ''}, ${HISTORY_LABELS[entry.type].toLowerCase()} ${when}`}
        onClick={() => void sendCommand(bridge, { type: 'dial', destination: to })}
      >
        {body}
      </button>
      {records}
    </li>
  );
}

export function History() {
  const [filter, setFilter] = useState<Filter>('all');
  const unseen = unseenMissedCount.value;
  const entries = history.value;

  // Looking at the Missed list is what makes its calls "seen"; a hidden panel looks at nothing.
  useEffect(() => {
    if (filter !== 'missed') return undefined;
    const markIfVisible = () => {
      if (document.visibilityState === 'visible') markMissedSeen();
    };
    markIfVisible();
    document.addEventListener('visibilitychange', markIfVisible);
    return () => document.removeEventListener('visibilitychange', markIfVisible);
  }, [filter, entries]);

  const shown = (filter === 'all' ? entries : entries.filter((e) => e.type === filter)).slice().sort(byNewest);
  const items = [
    { key: 'all' as const, label: 'All' },
    { key: 'placed' as const, label: HISTORY_LABELS.placed },
    { key: 'missed' as const, label: HISTORY_LABELS.missed, badge: unseen },
    { key: 'received' as const, label: HISTORY_LABELS.received },
  ];

  return (
    <section class="history" aria-label="Call history">
      <TabList
        idBase={ID_BASE}
        panelId={PANEL_ID}
        label="Show calls"
        items={items}
        selected={filter}
        onSelect={setFilter}
        class="tabs tabs-small"
      />
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(ID_BASE, filter)} class="history-panel">
        {historyError.value ? (
          <p class="empty" role="alert">
            {historyError.value}
          </p>
        ) : shown.length === 0 ? (
          <p class="empty">{filter === 'all' ? 'No calls yet.' : `No ${HISTORY_LABELS[filter].toLowerCase()} calls.`}</p>
        ) : (
          <ul class="history-list">
            {shown.map((entry, i) => (
              <HistoryRow key={`${entry.time}-${i}`} entry={entry} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
