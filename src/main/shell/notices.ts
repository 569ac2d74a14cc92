/**
 * Messages for the user (a command that failed, a link that is not a number, a settings file that was
 * set aside): pushed to the windows as `notice`, and — when no Switchboard window is on screen to show
 * them — also given as an OS notification, so a failure from the tray or a shortcut is never silent.
 */
import { Notification } from 'electron';
import type { Notice } from '../../shared/contract';
import type { PushHub } from './push';

export interface NoticeBoard {
  show(notice: Notice): void;
}

export interface NoticeBoardOptions {
  push: PushHub;
  /** Whether a window that shows notices is on screen. */
  windowVisible(): boolean;
}

export function createNoticeBoard(options: NoticeBoardOptions): NoticeBoard {
  return {
    show(notice) {
      options.push.send('notice', notice);
      if (options.windowVisible() || !Notification.isSupported()) return;
      new Notification({
        title: notice.kind === 'error' ? 'Switchboard — something went wrong' : 'Switchboard',
        body: notice.message,
        silent: true,
      }).show();
    },
  };
}
