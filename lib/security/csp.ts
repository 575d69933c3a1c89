/**
 * Every Content-Security-Policy the app sends, in one place. A response carries exactly one
 * policy: a second header would be combined by the browser (both must allow), but a header set by
 * the proxy replaces one set by a route or by next.config, which is how the lock-down directives
 * and the attachments' sandbox were once lost. So each kind of response gets one complete policy:
 *
 * - pages: `pagePolicy(nonce)`, set per request by proxy.ts;
 * - API answers (JSON, exports): `API_POLICY`, set by next.config.ts for /api/*;
 * - customers' files: the attachment policies, set by lib/http/attachment-response.ts (proxy.ts leaves
 *   those paths alone, see `setsOwnPolicy`).
 */

/** Framing, plugins, base URLs and form targets: locked down on every kind of response. */
const LOCKDOWN = ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"];

/**
 * Pages. Scripts run only with this response's nonce (Next adds it to its own scripts when it finds
 * the policy on the request, see proxy.ts), and 'strict-dynamic' lets those scripts load the app's
 * chunks; nothing injected into a page can run. Styles allow inline attributes because React and
 * the charts set style="…" on elements.
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
    ...LOCKDOWN,
  ].join("; ");
}

/** API answers are data, never documents: nothing in them may load or run, and nothing may frame them. */
export const API_POLICY = ["default-src 'none'", ...LOCKDOWN].join("; ");

/** A customer's file that is downloaded (and anything not a photo or PDF): no privileges at all. */
export const ATTACHMENT_POLICY = ["default-src 'none'", "sandbox", ...LOCKDOWN].join("; ");

/** A photo shown in the browser: the image itself and nothing else, sandboxed. */
export const IMAGE_ATTACHMENT_POLICY = ["default-src 'none'", "img-src 'self'", "style-src 'unsafe-inline'", "sandbox", ...LOCKDOWN].join("; ");

/**
 * A PDF shown in the browser: no sandbox and the viewer allowed as a plugin of this origin,
 * because Chromium refuses to open its PDF viewer in a sandboxed document or under object-src 'none'.
 * Scripts, framing and forms stay locked.
 */
export const PDF_ATTACHMENT_POLICY = [
  "default-src 'none'",
  "object-src 'self'",
  "img-src 'self'",
  "style-src 'unsafe-inline'",
  ...LOCKDOWN.filter((d) => !d.startsWith("object-src")),
].join("; ");

/**
 * Paths the proxy matches whose route handlers send their own policy (customers' files). The proxy
 * must not replace it with the page policy.
 */
export function setsOwnPolicy(pathname: string): boolean {
  return /^\/(track\/[^/]+|cases\/[^/]+)\/attachments\/[^/]+\/?$/.test(pathname);
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
