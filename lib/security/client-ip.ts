/**
 * The address a request came from, for per-address rate limits.
 *
 * CaseRoot is meant to run behind a reverse proxy or load balancer you control (see "Deploying
 * several instances"), which puts the visitor's address in `X-Forwarded-For` or `X-Real-IP`; the
 * app itself then only ever sees the proxy's address. Without a proxy, `next start` fills in
 * `X-Forwarded-For` from the connection when the request has none, so a direct visitor is still
 * told apart.
 *
 * We take the first hop of `X-Forwarded-For`: the client as the outermost proxy recorded it.
 * This trusts the proxy to set or overwrite that header; a proxy that appends to a header the
 * client sent lets a client choose its own first hop (configure it to overwrite, e.g. nginx
 * `proxy_set_header X-Forwarded-For $remote_addr;`). Without either header the answer is
 * "unknown", and all such requests share one budget (better than none).
 */
export function clientIpFrom(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim();
  if (!candidate) return "unknown";
  // An address is short; anything longer is junk and must not grow the key (it is hashed anyway).
  return candidate.slice(0, 100).toLowerCase();
}
