/**
 * Plays the system browser's part of a sign-in with fetch: opens the authorize URL, follows the
 * redirects (optionally tampering with one, as an attacker or a stale tab would) and keeps the pages.
 */
export interface VisitedPage {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

export interface ScriptedBrowser {
  openBrowser: (url: string) => Promise<void>;
  /** Every URL opened by the app. */
  opened: string[];
  /** Every response seen, in order. */
  pages: VisitedPage[];
  /** Resolves when the last navigation finished (or failed). */
  settled: () => Promise<void>;
}

export function scriptedBrowser(options: { tamper?: (redirect: URL) => URL } = {}): ScriptedBrowser {
  const opened: string[] = [];
  const pages: VisitedPage[] = [];
  let last: Promise<void> = Promise.resolve();

  async function navigate(start: string): Promise<void> {
    let next = start;
    for (let hop = 0; hop < 5; hop++) {
      const response = await fetch(next, { redirect: 'manual' });
      pages.push({ url: next, status: response.status, headers: response.headers, body: await response.text() });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return;
      let target = new URL(location, next);
      if (options.tamper) target = options.tamper(target);
      next = target.toString();
    }
  }

  return {
    opened,
    pages,
    openBrowser: async (url) => {
      opened.push(url);
      const run = navigate(url);
      last = run.catch(() => undefined);
      await run;
    },
    settled: () => last,
  };
}

/** Runs the authorize step by hand and returns the code from the redirect (for token-endpoint tests). */
export async function authorizeForCode(
  authorizeUrl: string,
): Promise<{ code: string | null; error: string | null; state: string | null; location: URL }> {
  const response = await fetch(authorizeUrl, { redirect: 'manual' });
  await response.body?.cancel();
  const location = new URL(response.headers.get('location') ?? 'http://invalid/');
  return {
    code: location.searchParams.get('code'),
    error: location.searchParams.get('error'),
    state: location.searchParams.get('state'),
    location,
  };
}
