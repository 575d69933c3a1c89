/**
 * Unsent texts kept in this browser tab (sessionStorage), so a reload, a slip of the back button
 * or an expired sign-in does not throw away what someone was writing. sessionStorage, not
 * localStorage: drafts quote customers, and they go when the tab is closed, or when the person
 * signs out, rather than waiting on a shared computer. Browser-only: call from effects and
 * event handlers.
 */

export type Draft = { text: string; at: number };

const PREFIX = "caseroot:draft:";

/** Drafts older than this are not offered back. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Keeps `text` under `key` (an empty text forgets it). */
export function rememberDraft(key: string, text: string): void {
  try {
    if (text.trim()) sessionStorage.setItem(PREFIX + key, JSON.stringify({ text, at: Date.now() } satisfies Draft));
    else sessionStorage.removeItem(PREFIX + key);
  } catch {
    // Storage full or disabled: typing goes on, only the safety net is missing.
  }
}

export function recallDraft(key: string): Draft | null {
  try {
    const draft = JSON.parse(sessionStorage.getItem(PREFIX + key) ?? "null") as Draft | null;
    return draft && typeof draft.text === "string" && Date.now() - draft.at < MAX_AGE_MS ? draft : null;
  } catch {
    return null;
  }
}

export function forgetDraft(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to forget
  }
}

/** On sign-out: the next person at this browser sees none of them. */
export function forgetAllDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // nothing to forget
  }
}
