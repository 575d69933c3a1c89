import { getDb } from "@/db/client";
import { handleCreateComplaint } from "@/lib/complaints/api";
import { env } from "@/lib/env";

/** File a complaint from another system. Documented in /api/v1/openapi.json. */
export async function POST(request: Request): Promise<Response> {
  return handleCreateComplaint(await getDb(), request, { appUrl: env.APP_URL });
}
