import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * A one-line answer carried in the address of the page a form post was redirected to (Post,
 * Redirect, Get), for browsers without JavaScript: the root layout shows it as a banner.
 *
 * The message is signed with AUTH_SECRET and expires, so a link someone crafts cannot put words
 * on a CaseRoot page, and an old bookmark does not repeat an old answer. Stateless: any instance
 * that shares the secret reads what another one wrote.
 */

export const NOTICE_PARAM = "notice";
export type NoticeTone = "done" | "refused";
export type Notice = { tone: NoticeTone; message: string };

/** Long enough for a slow page load and a reload; short enough that a bookmark goes quiet. */
const NOTICE_LIFETIME_MS = 10 * 60 * 1000;

// Without a secret (a bare `next dev`), a per-process key: notices then work on one instance only.
const fallbackKey = randomBytes(32);
const key = () => env.AUTH_SECRET ?? fallbackKey;

function sign(payload: string): string {
  return createHmac("sha256", key()).update(`notice:${payload}`).digest("base64url");
}

/** `path` (a page address, possibly with a query) with `notice` added, replacing any earlier one. */
export function withNotice(path: string, notice: Notice, now = Date.now()): string {
  const url = new URL(path, "http://caseroot.invalid");
  const payload = `${notice.tone}.${now.toString(36)}.${Buffer.from(notice.message).toString("base64url")}`;
  url.searchParams.set(NOTICE_PARAM, `${payload}.${sign(payload)}`);
  return `${url.pathname}${url.search}`;
}

/** The notice in a page address's query, or null when there is none, it is forged or it has expired. */
export function readNotice(pathAndQuery: string | null | undefined, now = Date.now()): Notice | null {
  if (!pathAndQuery) return null;
  const raw = new URL(pathAndQuery, "http://caseroot.invalid").searchParams.get(NOTICE_PARAM);
  const parts = raw?.split(".");
  if (!parts || parts.length !== 4) return null;
  const [tone, issued, message, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${tone}.${issued}.${message}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (tone !== "done" && tone !== "refused") return null;
  const age = now - parseInt(issued, 36);
  if (!(age >= 0 && age <= NOTICE_LIFETIME_MS)) return null;
  return { tone, message: Buffer.from(message, "base64url").toString("utf8") };
}
