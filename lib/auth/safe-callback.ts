/** Where staff land after signing in when no (usable) destination was asked for. */
export const DEFAULT_AFTER_SIGN_IN = "/cases";

/**
 * A post-sign-in destination we are willing to redirect to: a path on this site only.
 * Rejects absolute and protocol-relative URLs ("//evil.example", "/\evil.example"), and the
 * sign-in page itself (which would loop). Anything unusable falls back to the case list.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return DEFAULT_AFTER_SIGN_IN;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return DEFAULT_AFTER_SIGN_IN;
  // Control characters can smuggle a different host past naive parsers.
  if (/[\u0000-\u001f\u007f]/.test(value)) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(value, "http://caseroot.invalid");
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.host !== "caseroot.invalid") return DEFAULT_AFTER_SIGN_IN;
  if (url.pathname === "/signin" || url.pathname.startsWith("/api/auth")) return DEFAULT_AFTER_SIGN_IN;
  // Resolving dot segments can itself make a protocol-relative path: "/.//evil.example" becomes
  // "//evil.example", which a browser reads as another host. Check what we would return, not only the input.
  if (url.pathname.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}
