/**
 * The Content-Security-Policy header sent with every response our windows load. It matches the
 * renderer's meta tag, minus the browser preview's WebSocket (Electron windows talk to main through
 * the preload only), plus frame-ancestors, which only a header can set.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
