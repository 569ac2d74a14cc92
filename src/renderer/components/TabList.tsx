/**
 * A WAI-ARIA tab list: real buttons with role="tab", the selected one in the tab order, arrow keys,
 * Home and End move between tabs. An optional badge is read as part of the tab's name ("Missed (2 new)").
 * All tabs control one panel (`panelId`) whose content follows the selection; the caller renders it
 * with role="tabpanel" and aria-labelledby={tabId(idBase, selected)}.
 */
import type { ComponentChildren } from 'preact';

export interface TabItem<K extends string> {
  key: K;
  label: string;
  badge?: number;
}

export const tabId = (idBase: string, key: string) => `${idBase}-tab-${key}`;

export interface TabListProps<K extends string> {
  idBase: string;
  panelId: string;
  label: string;
  items: TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  class?: string;
  children?: ComponentChildren;
}

export function TabList<K extends string>(props: TabListProps<K>) {
  const index = props.items.findIndex((item) => item.key === props.selected);

  const onKeyDown = (event: KeyboardEvent) => {
    const count = props.items.length;
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: count - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = props.items[(target + count) % count];
    if (!next) return;
    props.onSelect(next.key);
    document.getElementById(tabId(props.idBase, next.key))?.focus();
  };

  return (
    <div role="tablist" aria-label={props.label} class={props.class ?? 'tabs'} onKeyDown={onKeyDown}>
      {props.items.map((item) => {
        const selected = item.key === props.selected;
        return (
          <button
            key={item.key}
            id={tabId(props.idBase, item.key)}
            type="button"
            role="tab"
            class="tab"
            aria-selected={selected}
            aria-controls={props.panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => props.onSelect(item.key)}
          >
            {item.label}
            {item.badge ? (
              <>
                <span class="badge badge-count" aria-hidden="true">
                  {item.badge}
                </span>
                <span class="visually-hidden"> ({item.badge} new)</span>
              </>
            ) : null}
          </button>
        );
      })}
      {props.children}
    </div>
  );
}
