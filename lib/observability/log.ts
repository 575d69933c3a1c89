import type { Logger } from "pino";
import { env } from "@/lib/env";
import { createLogger, REQUEST_ID_HEADER } from "./logger.mjs";

/** The app's logger: JSON lines on stdout at LOG_LEVEL. Outside a request (timers, scripts) lines carry no request id. */
export const log: Logger = createLogger(env.LOG_LEVEL);

/** A logger whose every line names the request (scripts/server.mjs gives each one an X-Request-Id). */
export function logFor(requestId: string | null | undefined): Logger {
  return requestId ? log.child({ requestId }) : log;
}

/**
 * The logger for the code running now: inside a request (a route handler, a server action, a
 * page), one that names it; anywhere else (timers, the worker, scripts), the plain one.
 */
export async function requestLog(): Promise<Logger> {
  try {
    const { headers } = await import("next/headers");
    return logFor((await headers()).get(REQUEST_ID_HEADER));
  } catch {
    // Not in a request: next/headers refuses to answer.
    return log;
  }
}
