import "server-only";
import { headers } from "next/headers";
import { clientIpFrom } from "./client-ip";

/** The current request's client address (pages and server actions); see client-ip.ts. */
export async function requestClientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
