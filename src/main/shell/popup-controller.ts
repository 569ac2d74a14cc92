/**
 * When the incoming-call popup shows: while at least one call rings that the user's popup rules let
 * pop, and hidden as soon as none does (answered here or elsewhere, declined, hung up, or silenced by do
 * not disturb). Several ringing calls share the one popup. A popup the user closed stays closed for
 * the calls it showed; a new call opens it again.
 */
import type { Call } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import { decidePopup } from './popup-rules';
import { ringingCalls } from '../../shared/call-states';
import type { PopupWindow } from './popup-window';

export interface PopupController {
  /** Re-decides from the current calls and settings. */
  update(calls: readonly Call[]): void;
  /** The user closed the popup: keep it closed for the calls ringing now. */
  dismiss(): void;
  /** Shows the popup again (without focus) if calls are popping; false when there is nothing to show. */
  bringForward(): boolean;
}

export interface PopupControllerOptions {
  popup: PopupWindow;
  settings(): Settings;
  now?: () => Date;
}

export function createPopupController(options: PopupControllerOptions): PopupController {
  const { popup } = options;
  const now = options.now ?? (() => new Date());
  const dismissed = new Set<string>();
  let popping: Call[] = [];
  let shownCount = 0;

  function render(): void {
    if (popping.length === 0) {
      shownCount = 0;
      if (popup.isVisible()) popup.hide();
      return;
    }
    if (!popup.isVisible() || shownCount !== popping.length) {
      shownCount = popping.length;
      popup.show(popping.length);
    }
  }

  return {
    update(calls) {
      const ringing = ringingCalls(calls);
      const ringingIds = new Set(ringing.map((c) => c.id));
      for (const id of dismissed) if (!ringingIds.has(id)) dismissed.delete(id);
      const settings = options.settings();
      const at = now();
      popping = ringing.filter((call) => !dismissed.has(call.id) && decidePopup(call, settings, at).popup);
      render();
    },
    dismiss() {
      for (const call of popping) dismissed.add(call.id);
      popping = [];
      render();
    },
    bringForward() {
      if (popping.length === 0) return false;
      shownCount = popping.length;
      popup.show(popping.length);
      return true;
    },
  };
}
