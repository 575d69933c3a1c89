import { getDb } from "@/db/client";
import { listIntakeProcesses } from "@/lib/complaints/intake";
import { answerUnlessDatabaseDown } from "@/lib/resilience/outage";

/** The processes a complaint can be about, so API clients can send a valid processId. */
export async function GET(): Promise<Response> {
  return answerUnlessDatabaseDown(async () => {
    const processes = await listIntakeProcesses(await getDb());
    return Response.json({ processes }, { headers: { "Cache-Control": "no-store" } });
  });
}
