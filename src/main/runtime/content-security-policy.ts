/**
 * The Content-Security-Policy header sent with every response our windows load. It matches the
 * renderer's meta tag (src/renderer/*.html), plus frame-ancestors, which only a header can set. Neither
 * allows a WebSocket: Electron windows talk to main through the preload only; the browser preview
 * (src/preview/preview-server.ts) adds its own socket's address to both, for its pages alone.
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
