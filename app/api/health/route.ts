import { pingDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { eventLoopDelay } from "@/lib/resilience/event-loop";

const CHECK_TIMEOUT_MS = 3_000;

/**
 * For load balancers and the browser tests: is the app up, is its event loop keeping up, and does
 * the database answer? 503 "degraded" when either is not so. A loop that is blocked outright
 * cannot answer at all; the load balancer counts that as a failure too.
 */
export async function GET(): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  const loop = eventLoopDelay();
  const eventLoop = { ...loop, limitMs: env.EVENT_LOOP_DELAY_LIMIT_MS, status: loop.delayP99Ms > env.EVENT_LOOP_DELAY_LIMIT_MS ? "slow" : "ok" };
  try {
    const check = pingDatabase();
    check.catch(() => {}); // if the timeout wins, a late failure must not go unhandled
    // A database that hangs must not make the health check hang too.
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("database check timed out")), CHECK_TIMEOUT_MS).unref());
    const kind = await Promise.race([check, timeout]);
    if (eventLoop.status !== "ok") return Response.json({ status: "degraded", database: "ok", kind, eventLoop }, { status: 503, headers });
    return Response.json({ status: "ok", database: "ok", kind, eventLoop }, { headers });
  } catch {
    return Response.json({ status: "degraded", database: "unavailable", eventLoop }, { status: 503, headers });
  }
}
