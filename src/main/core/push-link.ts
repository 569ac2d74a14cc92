/**
 * One opening of a provider's push channel, as the feed supervisor sees it: the sink it hands the
 * channel forwards to the supervisor until the link is closed, and nothing after (a late report from a
 * channel that was closed or has failed is ignored). A channel that throws on open counts as failed.
 * Must not import electron; knows only the PushChannel interface.
 */
import type { PushChannel, PushHandle, PushSink } from '../provider-api/provider';

export interface PushLink {
  close(): void;
}

export function openPushLink(channel: PushChannel, to: PushSink): PushLink {
  let open = true;
  let handle: PushHandle | null = null;

  function close(): void {
    if (!open) return;
    open = false;
    try {
      handle?.close();
    } catch (error) {
      console.error('Closing the push channel failed:', error);
    }
  }

  /** True while channel.open runs: reports made then are delivered just after, never re-entrantly. */
  let opening = true;
  const deliver = (report: () => void): void => {
    if (opening) queueMicrotask(report);
    else report();
  };

  const sink: PushSink = {
    update: (update) => deliver(() => open && to.update(update)),
    connected: () => deliver(() => open && to.connected()),
    reconnected: () => deliver(() => open && to.reconnected()),
    failed: (error) =>
      deliver(() => {
        if (!open) return;
        close();
        to.failed(error);
      }),
  };

  try {
    handle = channel.open(sink);
  } catch (error) {
    sink.failed(error);
  }
  opening = false;
  return { close };
}
