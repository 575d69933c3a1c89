/**
 * The Content-Security-Policy for pages. Scripts run only with this response's nonce (Next adds
 * it to its own scripts when it finds the policy on the request, see proxy.ts), and
 * 'strict-dynamic' lets those scripts load the app's chunks; nothing injected into a page can run.
 * Styles allow inline attributes because React and the charts set style="…" on elements.
 * Framing, plugins, base URLs and form targets are locked down in next.config.mjs for every
 * response, pages and API alike.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // Development only: React's dev build evaluates code for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'self' blob:",
  ].join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
