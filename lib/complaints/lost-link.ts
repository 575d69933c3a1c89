import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { complaints, customers, outboxMessages, trackingLinks } from "@/db/schema";
import { normalizeEmail } from "@/lib/customers/normalize";
import { emailBaseUrl, enqueueCustomerEmail } from "@/lib/outbox/enqueue";
import { LIMITS } from "@/lib/security/limits";
import { consume } from "@/lib/security/rate-limit";
import { generateTrackingToken, hashTrackingToken, normalizeReference } from "./reference";
import { trackingUrl } from "./tracking";

/**
 * "I lost my link": when the email and reference match a case, every earlier link to it stops
 * working and a new one is emailed to the address on file. The answer is the same whether or not
 * anything matched, and takes about the same time, so the form cannot be used to find out who
 * complained. The new link only ever goes to the customer's own address, so a stranger who knows
 * both details can at most make the customer's old link stop working (and at most once per
 * REISSUE_COOLDOWN_MS).
 */

export const LostLinkSchema = z.object({
  email: z.string({ error: "Please enter your email address" }).trim().pipe(z.email("Please enter the email address you used, like name@example.com")),
  reference: z
    .string({ error: "Please enter your complaint reference" })
    .trim()
    .min(1, "Please enter your complaint reference")
    .refine((v) => normalizeReference(v) !== null, "A reference looks like CR-7KQ4-M9TA: 8 letters and numbers after “CR”"),
});

export type LostLinkOutcome =
  | { ok: true }
  | { ok: false; fieldErrors: Partial<Record<"email" | "reference", string>> }
  /** Too many requests from this IP address (LIMITS.lostLinkIp); nothing was looked up. */
  | { ok: false; retryAfterSeconds: number };

const REISSUE_COOLDOWN_MS = 10 * 60_000;
/** Every answer takes at least this long, whichever path it took. */
const MIN_RESPONSE_MS = 600;

export async function requestNewTrackingLink(
  db: Db,
  raw: { email: unknown; reference: unknown },
  options: { baseUrl?: string; now?: Date; minResponseMs?: number; clientIp?: string } = {},
): Promise<LostLinkOutcome> {
  const parsed = LostLinkSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"email" | "reference", string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as "email" | "reference";
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const started = Date.now();
  const now = options.now ?? new Date();
  // Well-formed requests count against the sender's address (a typo costs nothing). The answer
  // to one over the limit does not depend on any case, so it can come at once.
  if (options.clientIp !== undefined) {
    const perIp = await consume(db, LIMITS.lostLinkIp, options.clientIp, now);
    if (!perIp.allowed) return { ok: false, retryAfterSeconds: perIp.retryAfterSeconds };
  }
  try {
    await reissue(db, normalizeEmail(parsed.data.email)!, normalizeReference(parsed.data.reference)!, now, options.baseUrl);
  } finally {
    const wait = (options.minResponseMs ?? MIN_RESPONSE_MS) - (Date.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return { ok: true };
}

async function reissue(db: Db, email: string, reference: string, now: Date, baseUrl: string | undefined): Promise<void> {
  await db.transaction(async (tx) => {
    const [match] = await tx
      .select({ id: complaints.id })
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(and(eq(complaints.reference, reference), eq(customers.emailNormalized, email), isNull(customers.erasedAt)))
      .for("update", { of: complaints })
      .limit(1);
    if (!match) return;
    const [recent] = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.complaintId, match.id),
          eq(outboxMessages.kind, "tracking_link"),
          gt(outboxMessages.createdAt, new Date(now.getTime() - REISSUE_COOLDOWN_MS)),
        ),
      )
      .limit(1);
    if (recent) return;

    const token = generateTrackingToken();
    await tx.update(complaints).set({ trackingTokenHash: hashTrackingToken(token), updatedAt: now }).where(eq(complaints.id, match.id));
    await tx
      .update(trackingLinks)
      .set({ revokedAt: now })
      .where(and(eq(trackingLinks.complaintId, match.id), isNull(trackingLinks.revokedAt)));
    await enqueueCustomerEmail(tx, {
      complaintId: match.id,
      kind: "tracking_link",
      trackingUrl: trackingUrl(emailBaseUrl(baseUrl), token),
      dedupeKey: `tracking_link:${match.id}:${now.getTime()}`,
      now,
    });
  });
}
