import "server-only";
import { after } from "next/server";
import { quietMoment } from "./case-work";
import { Semaphore } from "./semaphore";

/**
 * Heavy pages take turns: one at a time on each instance, from their first query until their
 * response has been sent.
 *
 * The analytics page at a million complaints needs its figures (the copy's queries use both
 * cores for a moment) and then close to a megabyte of HTML, about 80 ms of the one JavaScript
 * thread every page of the instance shares. Ten owners' pages at once kept that thread and both
 * cores busy: an agent's queue page waited behind all of them (p95 650 ms and more). Measured
 * alternatives: sharing one computation among identical reports made it worse (the owners' pages
 * then came out faster and rendered back to back); a turn taken only for the rendering too (the
 * waiting pages' own work still filled the thread). Taking turns from the start, owners' pages
 * use a share of the machine, and each waits for the ones before it, as it did for the cores.
 *
 * The turn is held until the response has been sent (`after`), not only until the page's
 * function returns: rendering happens after that. A lease gives the turn back should that
 * callback never come.
 */
const turns = new Semaphore(1);
const LEASE_MS = 30_000;
// Once its turn comes, a heavy page waits at most this long for agents' pages in flight to finish (case-work.ts).
const YIELDS_MS = 1_000;

export async function waitForHeavyPageTurn(): Promise<void> {
  const release = await turns.acquire();
  const lease = setTimeout(release, LEASE_MS);
  lease.unref();
  after(() => {
    clearTimeout(lease);
    release();
  });
  await quietMoment(YIELDS_MS);
}

/** The pages that take turns: they do not count as case work, or they would wait for each other. */
export function isHeavyPage(pathname: string): boolean {
  return pathname === "/analytics" || pathname.startsWith("/analytics?") || pathname.startsWith("/analytics/");
}
