/**
 * tel:/callto:/sip:/webextel: links and second starts reach the app here. Everything is queued from the
 * very start (macOS delivers `open-url` before `ready`, Windows/Linux put the link in the argv of the
 * first or a second instance) and handed to the app controller once it is up. The protocols are
 * registered with the OS (in development with the electron binary and our entry script).
 */
import { resolve } from 'node:path';
import { app } from 'electron';
import { findLinkInArgv, LINK_PROTOCOLS } from './protocol-link';

/** A link to dial, or a plain second start (which shows the panel). */
export type LaunchRequest = { type: 'link'; url: string } | { type: 'show' };

export interface LaunchRequests {
  deliver(request: LaunchRequest): void;
  /** Starts handing requests over, the queued ones first. */
  attach(handler: (request: LaunchRequest) => void): void;
}

export function createLaunchRequests(): LaunchRequests {
  const queue: LaunchRequest[] = [];
  let handler: ((request: LaunchRequest) => void) | null = null;
  return {
    deliver(request) {
      if (handler) handler(request);
      else queue.push(request);
    },
    attach(next) {
      handler = next;
      for (const request of queue.splice(0)) next(request);
    },
  };
}

/** Takes the link from a command line, if there is one. */
export function deliverArgv(requests: LaunchRequests, argv: readonly string[], otherwise: LaunchRequest | null): void {
  const link = findLinkInArgv(argv);
  if (link) requests.deliver({ type: 'link', url: link });
  else if (otherwise) requests.deliver(otherwise);
}

/** Must run before `ready`: macOS sends the launching link as open-url straight away. */
export function listenForLaunchRequests(requests: LaunchRequests): void {
  app.on('open-url', (event, url) => {
    event.preventDefault();
    requests.deliver({ type: 'link', url });
  });
  app.on('second-instance', (_event, argv) => deliverArgv(requests, argv, { type: 'show' }));
}

/** Asks the OS to send our link protocols here. */
export function registerLinkProtocols(): void {
  for (const protocol of LINK_PROTOCOLS) {
    // Unpackaged (electron .) the OS must start the electron binary with our app folder.
    if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(protocol, process.execPath, [resolve(process.argv[1])]);
    else app.setAsDefaultProtocolClient(protocol);
  }
}
