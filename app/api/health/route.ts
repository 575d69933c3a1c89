import { sql } from "drizzle-orm";
import { databaseKind, getDb } from "@/db/client";

const CHECK_TIMEOUT_MS = 3_000;

/** For load balancers and the browser tests: is the app up, and does the database answer? */
export async function GET(): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  try {
    const check = (async () => {
      const db = await getDb();
      await db.execute(sql`select 1`);
      return databaseKind();
    })();
    check.catch(() => {}); // if the timeout wins, a late failure must not go unhandled
    // A database that hangs must not make the health check hang too.
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("database check timed out")), CHECK_TIMEOUT_MS).unref());
    const kind = await Promise.race([check, timeout]);
    return Response.json({ status: "ok", database: "ok", kind }, { headers });
  } catch {
    return Response.json({ status: "degraded", database: "unavailable" }, { status: 503, headers });
  }
}
