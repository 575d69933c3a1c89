import "server-only";
import { getDb, type Db } from "@/db/client";
import { applyRetention } from "@/lib/privacy";
import { sweepRateLimits } from "@/lib/security/rate-limit";
import { log } from "@/lib/observability/log";

const EVERY_MS = 5 * 60_000;
/** One pass anonymises at most this many batches; the next pass carries on. */
const MAX_RETENTION_BATCHES = 20;

type Loop = { stop: () => Promise<void> };
const globalForMaintenance = globalThis as unknown as { caserootMaintenance?: Loop };

/**
 * One pass of housekeeping: drops ended rate-limit windows and applies the owner's retention rule
 * to closed cases. Both are safe to run on several instances at once (the sweep deletes only
 * ended windows; retention skips rows another pass has locked), so every instance runs it.
 */
export async function runMaintenance(db: Db, now: Date = new Date()): Promise<{ sweptWindows: number; anonymisedCases: number }> {
  const sweptWindows = await sweepRateLimits(db, now);
  let anonymisedCases = 0;
  for (let batch = 0; batch < MAX_RETENTION_BATCHES; batch++) {
    const outcome = await applyRetention(db, now);
    anonymisedCases += outcome.cases;
    if (!outcome.more) break;
  }
  return { sweptWindows, anonymisedCases };
}

/** Starts the housekeeping timer in this process (idempotent); it never keeps the process alive. */
export function startMaintenance(): Loop {
  if (globalForMaintenance.caserootMaintenance) return globalForMaintenance.caserootMaintenance;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const { anonymisedCases } = await runMaintenance(await getDb());
      if (anonymisedCases > 0) log.info({ anonymisedCases }, `retention: anonymised ${anonymisedCases} closed case(s).`);
    })()
      .catch((error) => log.error({ err: error }, "maintenance pass failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, EVERY_MS);
  timer.unref?.();
  tick();
  const loop = {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
  globalForMaintenance.caserootMaintenance = loop;
  return loop;
}
