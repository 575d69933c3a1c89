import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The address customers reach the portal on, for links they keep. APP_URL when configured
 * (the reliable choice behind proxies); otherwise what this request came in on.
 */
export async function publicBaseUrl(): Promise<string> {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
