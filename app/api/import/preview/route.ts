import { getDb } from "@/db/client";
import { planImport } from "@/lib/import/plan";
import { summarisePlan } from "@/lib/import/preview";
import { findImportedIds } from "@/lib/import/write";
import { guardImport } from "../_guard";

/** Reads the uploaded CSV with the given header line and mapping (or detected/suggested ones) and says what an import would do. */
export async function POST(request: Request) {
  const guard = await guardImport(request);
  if (!guard.ok) return guard.response;
  const plan = planImport(guard.input.text, guard.input);
  const ids = plan.rows.flatMap((r) => (r.record ? [r.record.externalId] : []));
  const already = ids.length > 0 ? await findImportedIds(await getDb(), ids) : new Set();
  return Response.json(summarisePlan(plan, already.size), { headers: { "Cache-Control": "no-store" } });
}
