/** The PostgreSQL error behind a failed query, whichever driver raised it (drizzle wraps it in `cause`). */
export type PgError = { code?: string; message: string; constraint?: string; constraint_name?: string };

export function pgErrorOf(error: unknown): PgError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current === "object" && current !== null && "code" in current && typeof (current as PgError).code === "string") {
      return current as PgError;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export const PG_UNIQUE_VIOLATION = "23505";

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  if (pg?.code !== PG_UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  return (pg.constraint ?? pg.constraint_name ?? pg.message).includes(constraint);
}

/**
 * Codes that mean "the database cannot be reached right now", not "this query is wrong":
 * node's socket errors, postgres.js's own connection errors, and PostgreSQL's connection
 * exception (08…), shutdown and start-up (57P01–57P03) and too-many-connections (53300) states.
 */
const UNAVAILABLE_CODES = new Set([
  // node:net / dns
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
  // postgres.js
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // PostgreSQL
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, in recovery)
  "53300", // too_many_connections
]);

function codeOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !("code" in value)) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * True when a failed query failed because the database is unreachable (down, restarting, the
 * network in between gone, no free connection), so the same request is worth retrying in a
 * minute. False for anything the query itself caused (constraint, syntax, a business rule).
 * Follows drizzle's `cause` chain, the `errors` of an AggregateError (node's happy eyeballs) and
 * Auth.js's wrapping (`cause.err`: the error thrown while checking a password).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 16) {
    const current = queue.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const code = codeOf(current);
    if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
    queue.push((current as { cause?: unknown }).cause, (current as { err?: unknown }).err);
    const nested = (current as { errors?: unknown }).errors;
    if (Array.isArray(nested)) queue.push(...nested);
  }
  return false;
}

/** How long a client should wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 30;
