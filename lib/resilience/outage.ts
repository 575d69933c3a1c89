import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/db/errors";
import { requestLog } from "@/lib/observability/log";

/**
 * The JSON API's answer while the database cannot be reached: 503 with Retry-After, so clients
 * and load balancers back off and try again instead of treating it as a failed request.
 */
export function databaseUnavailableResponse(): Response {
  return Response.json(
    {
      error: "service_unavailable",
      message: `The complaint service cannot reach its database just now. Nothing was stored; please retry in ${DATABASE_RETRY_AFTER_SECONDS} seconds with the same Idempotency-Key.`,
    },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
  );
}

/** What a form says when its action could not reach the database: nothing was saved, nothing typed is lost. */
export const FORM_OUTAGE_MESSAGE =
  "Nothing was saved: we could not reach our database just now. What you typed is still here; please try again in a minute.";

/** Runs a route handler; an unreachable database becomes a 503, any other error is rethrown. */
export async function answerUnlessDatabaseDown(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      (await requestLog()).error({ err: error }, "[api] database unavailable");
      return databaseUnavailableResponse();
    }
    throw error;
  }
}

// Per process, on globalThis so dev hot reloads keep it. Only small, public reference data
// (the business's name, the list of processes) goes here: nothing another instance needs.
const globalForLastKnown = globalThis as unknown as { caserootLastKnown?: Map<string, unknown> };
const remembered = (globalForLastKnown.caserootLastKnown ??= new Map<string, unknown>());

/**
 * Loads public reference data and remembers it; while the database is unreachable, answers with
 * the last copy this process loaded (or `fallback` when it never loaded one), so a customer's
 * form can still be shown with what they typed. Other errors are rethrown.
 */
export async function lastKnownGood<T>(key: string, load: () => Promise<T>, fallback?: () => T): Promise<T> {
  try {
    const value = await load();
    remembered.set(key, value);
    return value;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    if (remembered.has(key)) return remembered.get(key) as T;
    if (fallback) return fallback();
    throw error;
  }
}

/** For tests: forget every remembered value. */
export function forgetLastKnown(): void {
  remembered.clear();
}
