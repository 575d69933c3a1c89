/**
 * Agents first: case work (every workspace page but the heavy ones) is counted while it is in
 * flight on this instance, and heavy work (an analytics page, each of the copy's queries) starts
 * in a quiet moment, when no case work is in flight, or once it has waited its bound, so reports
 * are slowed when agents keep the instance busy but never stopped.
 *
 * Why: an instance has one JavaScript thread and, here, two cores. An owner's analytics page uses
 * both cores for its queries and the thread for tens of milliseconds to render; an agent's page
 * that arrives meanwhile waits for both. Taking turns among heavy pages (heavy-pages.ts) bounds
 * that to one report at a time; this gives the agent's page the machine whenever it has work.
 *
 * The count lives on globalThis: the layout that counts and the pages and the analytics copy that
 * wait may be bundled apart, and must share one count per process.
 */
type State = { inFlight: number; lastDoneAt: number; waiters: Set<() => void> };
const KEY = Symbol.for("caseroot.caseWork");
const holder = globalThis as { [KEY]?: State };
const state: State = (holder[KEY] ??= { inFlight: 0, lastDoneAt: 0, waiters: new Set() });

// A piece of case work whose end is never reported stops counting after this long, so a lost callback cannot slow reports for ever.
const LEASE_MS = 30_000;

/** Counts one piece of case work as in flight; call the returned function once it is done (twice counts once). */
export function startCaseWork(): () => void {
  state.inFlight++;
  let done = false;
  const lease = setTimeout(() => finish(), LEASE_MS);
  lease.unref?.();
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(lease);
    state.inFlight--;
    state.lastDoneAt = performance.now();
    if (state.inFlight === 0) for (const wake of [...state.waiters]) wake();
  };
  return finish;
}

/** Resolves at once when no case work is in flight, otherwise when the last piece is done or after `maxWaitMs`, whichever comes first. */
export function quietMoment(maxWaitMs: number): Promise<void> {
  if (state.inFlight === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      state.waiters.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, maxWaitMs);
    state.waiters.add(wake);
  });
}

/** Whether case work is in flight now or was within the last `withinMs`: agents are at work. */
export function caseWorkActive(withinMs: number): boolean {
  return state.inFlight > 0 || performance.now() - state.lastDoneAt < withinMs;
}

/** Case work in flight now (what the tests read). */
export function caseWorkInFlight(): number {
  return state.inFlight;
}
