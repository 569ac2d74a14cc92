/**
 * The tray icon: renders a TrayModel (icon, tooltip, context menu) into an Electron Tray. The context
 * menu is always there and built again after every change: Windows and Linux get it through
 * setContextMenu (some Linux trays deliver no click and show only what setContextMenu last received);
 * on macOS a set menu would swallow the click, so a click toggles the panel and a right-click pops the
 * menu up, as menu-bar apps do. What a menu entry does is the caller's `perform`.
 */
import { join } from 'node:path';
import { app, Menu, type MenuItemConstructorOptions, nativeImage, type Rectangle, Tray } from 'electron';
import { type TrayAction, type TrayMenuItem, type TrayModel, trayIconFile } from './tray-model';
import { knownTrayBounds } from './window-placement';

export interface TrayView {
  render(model: TrayModel): void;
  /** The icon's bounds where the OS reports them; undefined on most Linux desktops. */
  bounds(): Rectangle | undefined;
  destroy(): void;
}

export interface TrayViewOptions {
  platform: NodeJS.Platform;
  perform(action: TrayAction): void;
  /** A click on the icon, where the OS delivers one. */
  onClick(): void;
  /** Folder holding the icons (default assets/tray in the app). */
  iconDirectory?: string;
}

export function trayIconDirectory(): string {
  return join(app.getAppPath(), 'assets', 'tray');
}

function toTemplate(items: readonly TrayMenuItem[], perform: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'action':
        return { label: item.label, click: () => perform(item.action) };
      case 'checkbox':
        return { label: item.label, type: 'checkbox', checked: item.checked, click: () => perform(item.action) };
      case 'submenu':
        return { label: item.label, submenu: toTemplate(item.items, perform) };
    }
  });
}

export function createTrayView(options: TrayViewOptions): TrayView {
  const directory = options.iconDirectory ?? trayIconDirectory();
  const { platform } = options;
  const icon = (model: TrayModel) => {
    const image = nativeImage.createFromPath(join(directory, trayIconFile(model.state, platform)));
    if (platform === 'darwin') image.setTemplateImage(true);
    return image;
  };

  let tray: Tray | null = null;
  let lastState: string | undefined;
  let lastTooltip: string | undefined;
  let lastMenu: string | undefined;
  let menu: Menu | null = null;
  const popUpMenu = platform === 'darwin';

  return {
    render(model) {
      if (!tray) {
        const created = new Tray(icon(model));
        created.on('click', () => options.onClick());
        if (popUpMenu) created.on('right-click', () => menu && created.popUpContextMenu(menu));
        tray = created;
        lastState = model.state;
      } else if (model.state !== lastState) {
        tray.setImage(icon(model));
        lastState = model.state;
      }
      if (model.tooltip !== lastTooltip) {
        tray.setToolTip(model.tooltip);
        lastTooltip = model.tooltip;
      }
      const items = JSON.stringify(model.menu);
      if (items !== lastMenu) {
        menu = Menu.buildFromTemplate(toTemplate(model.menu, options.perform));
        if (!popUpMenu) tray.setContextMenu(menu);
        lastMenu = items;
      }
    },
    bounds() {
      const bounds = tray?.getBounds();
      return knownTrayBounds(bounds) ? bounds : undefined;
    },
    destroy() {
      tray?.destroy();
      tray = null;
      menu = null;
    },
  };
}
