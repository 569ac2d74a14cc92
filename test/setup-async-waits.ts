/**
 * Testing Library's waits (findBy…, waitFor) give up after one second by default. On a busy two-core CI
 * machine a render can take longer than that, so a test would fail for slowness rather than for a
 * wrong result: wait longer, and let a real failure still fail (it never comes right).
 */
import { configure } from '@testing-library/preact';

configure({ asyncUtilTimeout: 15_000 });
