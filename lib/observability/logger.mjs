// The one logger, in plain JavaScript so that scripts/server.mjs can run it without a compiler
// (the app reaches it through lib/observability/log.ts). JSON lines on stdout, one object per
// event: {"level":"info","time":"…","requestId":"…","msg":"…", …}. No transports (they run in
// worker threads, which a bundled server cannot start); pipe stdout to pino-pretty to read it.
import { randomUUID } from "node:crypto";
import pino from "pino";

/** The header that carries a request's id, in and out. */
export const REQUEST_ID_HEADER = "x-request-id";

/** What a request id from a proxy may look like: a UUID or any short token without spaces or quotes. */
const VALID_REQUEST_ID = /^[\w.:@-]{1,128}$/;

/**
 * @param {import("pino").DestinationStream} [destination] for tests; stdout otherwise
 */
export function createLogger(level, destination) {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * The id of a request: the one a trusted proxy sent (so its logs and ours name the same request),
 * else a new one. A client's own X-Request-Id is ignored, as its X-Forwarded-For is.
 * @param {string | string[] | undefined} incoming the X-Request-Id header
 * @param {boolean} fromTrustedProxy whether TRUST_PROXY trusts the connection's peer
 */
export function requestIdFor(incoming, fromTrustedProxy) {
  return fromTrustedProxy && typeof incoming === "string" && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
