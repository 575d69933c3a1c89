/**
 * The address a request came from, for per-address rate limits.
 *
 * The production server (scripts/server.mjs) has already worked it out, before Next saw the
 * request, from the connection and TRUST_PROXY (lib/security/trust-proxy.mjs), and replaced
 * `X-Forwarded-For` with that one address and removed `X-Real-IP`: what a client sends in those
 * headers never gets here unless a trusted proxy vouched for it. (Under `next dev`, Next fills
 * `X-Forwarded-For` from the connection only when the client sent none: development only.)
 * Without either header the answer is "unknown", and all such requests share one budget.
 */
export function clientIpFrom(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim();
  if (!candidate) return "unknown";
  // An address is short; anything longer is junk and must not grow the key (it is hashed anyway).
  return candidate.slice(0, 100).toLowerCase();
}
