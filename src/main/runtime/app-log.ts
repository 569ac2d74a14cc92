/**
 * The app's rotating file log (electron-log's Node transport, so it works in the preview and tests as
 * well as in Electron). Every line passes redactForLog: no token, secret or full phone number is ever
 * written. Must not import electron: the shell passes the folder (userData/logs).
 */
import log from 'electron-log/node';
import { join } from 'node:path';
import { redactForLog } from './log-redaction';

export interface AppLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  readonly file: string;
}

export interface AppLogOptions {
  folder: string;
  /** Rotate at this size (default 1 MiB; electron-log keeps one old file). */
  maxBytes?: number;
  /** Also print to the console (development). */
  console?: boolean;
}

export function createAppLog(options: AppLogOptions): AppLog {
  const logger = log.create({ logId: `switchboard-${options.folder}` });
  const file = join(options.folder, 'switchboard.log');
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = options.maxBytes ?? 1024 * 1024;
  logger.transports.console.level = options.console ? 'info' : false;
  const write = (level: 'info' | 'warn' | 'error') => (message: string) => logger[level](redactForLog(message));
  return { info: write('info'), warn: write('warn'), error: write('error'), file };
}
