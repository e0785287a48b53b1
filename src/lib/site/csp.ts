/**
 * The Content-Security-Policy every page carries: nothing inline, nothing from another
 * origin. Pages with the search box also allow 'wasm-unsafe-eval', which lets Pagefind
 * compile its WebAssembly and does not allow eval() of JavaScript.
 */
export function contentSecurityPolicy(options: { search: boolean; dev?: boolean }): string {
  return [
    "default-src 'self'",
    options.search ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'",
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
