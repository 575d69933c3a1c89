/**
 * Request headers proxy.ts sets on every page request, for the server code that renders the page
 * or runs its form's action. Plain constants, so the proxy can import them without pulling in
 * anything server-only. proxy.ts overwrites or deletes both, so a client cannot send its own.
 */

/** The path and query of the page being rendered or posted to. */
export const PAGE_PATH_HEADER = "x-caseroot-path";

/** Present when the request is a plain HTML form post (no script sent it). */
export const PLAIN_POST_HEADER = "x-caseroot-plain-post";
