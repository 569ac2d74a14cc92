/**
 * Every test process gets the fake electron module (test/fakes/electron.ts): the real package would
 * try to download Electron's binary and throw. Deps that import electron themselves are inlined in
 * vitest.config.ts so this mock reaches them too.
 */
import { vi } from 'vitest';

vi.mock('electron', () => import('./fakes/electron'));
