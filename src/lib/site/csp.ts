/**
 * The Content-Security-Policy every page carries: nothing inline, nothing from another
 * origin, no WebAssembly (search is plain JavaScript over static files).
 */
export function contentSecurityPolicy(options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // `npm run dev` only: Vite inlines the styles it serves and reloads pages over a WebSocket.
    options.dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    options.dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
