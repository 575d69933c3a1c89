import { getDb } from "@/db/client";
import { handleCreateComplaint } from "@/lib/complaints/api";
import { env } from "@/lib/env";
import { answerUnlessDatabaseDown } from "@/lib/resilience/outage";

/** File a complaint from another system. Documented in /api/v1/openapi.json. 503 + Retry-After while the database is down. */
export async function POST(request: Request): Promise<Response> {
  return answerUnlessDatabaseDown(async () => handleCreateComplaint(await getDb(), request, { appUrl: env.APP_URL }));
}
