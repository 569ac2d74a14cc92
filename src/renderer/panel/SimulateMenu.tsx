/**
 * Demo mode only: "Simulate incoming call" opens a short list of call kinds (plain, forwarded busy, call
 * queue, park recall) that the in-process simulator rings, so a new user sees the popup at once.
 */
import { useId, useState } from 'preact/hooks';
import { DEMO_CALL_KINDS, DEMO_CALL_LABELS, DEMO_MENU_LABEL, type DemoCallKind } from '../../shared/demo-calls';
import { useBridge } from '../bridge-context';
import { requestWithNotice } from '../bridge-request';

export function SimulateMenu() {
  const bridge = useBridge();
  const [open, setOpen] = useState(false);
  const listId = useId();

  const simulate = async (kind: DemoCallKind) => {
    setOpen(false);
    await requestWithNotice(() => bridge.simulateIncomingCall({ kind }), 'simulate a call');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div class="simulate" onKeyDown={onKeyDown}>
      {/* The visible word is short for the 360 px header; the name says the whole thing. */}
      <button
        type="button"
        class="btn btn-small"
        aria-label={DEMO_MENU_LABEL}
        title={DEMO_MENU_LABEL}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        Simulate…
      </button>
      <ul id={listId} class="simulate-list" hidden={!open}>
        {DEMO_CALL_KINDS.map((kind) => (
          <li key={kind}>
            <button type="button" class="btn btn-menu" onClick={() => void simulate(kind)}>
              {DEMO_CALL_LABELS[kind]}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
