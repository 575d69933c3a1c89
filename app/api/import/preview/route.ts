import { getDb } from "@/db/client";
import { planImport } from "@/lib/import/plan";
import { summarisePlan } from "@/lib/import/preview";
import { newTaxonomyNames } from "@/lib/import/taxonomy";
import { findImportedIds } from "@/lib/import/write";
import { guardImport } from "../_guard";

/** Reads the uploaded CSV with the given header line and mapping (or detected/suggested ones) and says what an import would do. */
export async function POST(request: Request) {
  const guard = await guardImport(request);
  if (!guard.ok) return guard.response;
  const plan = planImport(guard.input.text, guard.input);
  const records = plan.rows.flatMap((r) => (r.record ? [r.record] : []));
  const db = await getDb();
  const already = records.length > 0 ? await findImportedIds(db, records.map((r) => r.externalId)) : new Set();
  const toCreate = await newTaxonomyNames(db, records);
  return Response.json(summarisePlan(plan, already.size, toCreate), { headers: { "Cache-Control": "no-store" } });
}
