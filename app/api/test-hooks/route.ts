import { env } from "@/lib/env";
import { clientIpFrom } from "@/lib/security/client-ip";

export const dynamic = "force-dynamic";

const MAX_BLOCK_MS = 300_000;

/**
 * Hooks for the browser tests only (CASEROOT_E2E=1, set by scripts/e2e-server.mjs and
 * e2e/helpers/servers.ts); without that flag this route does not exist (404).
 * - `?do=client-address`: the address the app counts this request against (rate limits, sign-in).
 * - `?do=block&ms=N`: keeps the event loop busy for N ms, as a runaway render would.
 * - `?do=wait`: never answers, as a handler stuck on something that never comes back would.
 * Without `do` it answers 400, so the policy walk in e2e/authorization.spec.ts can visit it.
 */
export async function GET(request: Request): Promise<Response> {
  if (env.CASEROOT_E2E !== "1") return new Response("Not found", { status: 404 });
  const params = new URL(request.url).searchParams;
  switch (params.get("do")) {
    case "client-address":
      return Response.json({ address: clientIpFrom(request.headers) });
    case "block": {
      const ms = Math.min(Math.max(Number(params.get("ms")) || 0, 0), MAX_BLOCK_MS);
      const until = Date.now() + ms;
      while (Date.now() < until) {
        // busy on purpose
      }
      return Response.json({ blockedMs: ms });
    }
    case "wait":
      return new Promise<Response>(() => {});
    default:
      return Response.json({ error: "unknown_hook", message: "Say ?do=client-address, ?do=block&ms=N or ?do=wait." }, { status: 400 });
  }
}
