/**
 * The small page the system browser shows after the OAuth redirect reaches Switchboard's loopback
 * listener. Static HTML with every dynamic text escaped; no script, no external resource.
 * Must not import electron.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export interface RedirectPage {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Headers for every answer of the listener: the URL held a one-time code, so nothing may be cached or leak. */
export const REDIRECT_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  Connection: 'close',
};

export function renderRedirectPage(outcome: { ok: true } | { ok: false; message: string }): RedirectPage {
  const heading = outcome.ok ? 'You are signed in' : 'Sign-in did not complete';
  const detail = outcome.ok
    ? 'You can close this tab and return to Switchboard.'
    : `${outcome.message} Close this tab and return to Switchboard to try again.`;
  const body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchboard: ${escapeHtml(heading)}</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  main { max-width: 32rem; margin: 20vh auto; padding: 0 1rem; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(detail)}</p>
</main>
</body>
</html>
`;
  return {
    status: outcome.ok ? 200 : 400,
    headers: { ...REDIRECT_RESPONSE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' },
    body,
  };
}
