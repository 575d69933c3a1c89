import "server-only";
import { businessSettings } from "@/db/schema";
import type { Db } from "@/db/client";
import { isTimeZone } from "@/lib/time/zone";

/**
 * The business's time zone, for showing dates the way its staff read them (not the server's).
 * Falls back to UTC when the settings row is missing or holds a zone the runtime does not know.
 */
export async function getWorkspaceTimeZone(db: Db): Promise<string> {
  const [settings] = await db.select({ timeZone: businessSettings.timeZone }).from(businessSettings).limit(1);
  const zone = settings?.timeZone ?? "UTC";
  return isTimeZone(zone) ? zone : "UTC";
}
