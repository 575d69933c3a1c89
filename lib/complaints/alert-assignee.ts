import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { emailBaseUrl, enqueueStaffEmail } from "@/lib/outbox/enqueue";

/**
 * Tells the case's assignee that the customer did something. In the workspace this shows through
 * "customer waiting" (lib/reminders/attention.ts, read by What's due and the queue); by email only
 * when mail is set up (enqueueStaffEmail queues nothing otherwise). Runs inside the caller's transaction.
 */
export async function alertAssignee(
  tx: Tx,
  c: { id: string; reference: string; assigneeId: string | null },
  what: string,
  details: string | null,
): Promise<void> {
  if (!c.assigneeId) return;
  const [assignee] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.id, c.assigneeId)).limit(1);
  if (!assignee) return;
  await enqueueStaffEmail(tx, {
    staffUserId: assignee.id,
    kind: "staff_alert",
    complaintId: c.id,
    values: { reference: c.reference, what, details: details ? `“${details}”` : "", caseUrl: `${emailBaseUrl()}/cases/${c.reference}` },
  });
}
