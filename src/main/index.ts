/**
 * Electron's entry point: wiring only. The lifecycle lives in shell/bootstrap.ts, the backend (provider
 * + core, or the in-process demo) in runtime/backend.ts.
 */
import { startBackend } from './runtime/backend';
import { bootstrap } from './shell/bootstrap';

void bootstrap({ startBackend, argv: process.argv, env: process.env });
