import type { Db } from "@/db/client";
import { complaints, customers, debriefs, processes, promises, rootCauses, staffUsers } from "@/db/schema";

/**
 * A compact builder for analytics tests: name the people, processes and causes once, then add
 * complaints with only the fields a test cares about. Times are ISO strings; every id comes back
 * by name so expectations read like the story they check.
 */
type ComplaintSpec = {
  customer: string;
  received: string;
  process?: string;
  rootCause?: string;
  fault?: "service" | "customer" | "external" | "undetermined";
  judgement?: "reasonable" | "partly" | "unreasonable";
  channel?: "web" | "email" | "phone";
  assignee?: string;
  responsible?: string;
  /** Hours after receipt. */
  firstResponseAfter?: number;
  resolvedAfter?: number;
  satisfaction?: number;
  minutes?: number;
  reopened?: number;
  goodwillCents?: number;
};

export type Fixture = {
  staff: Record<string, string>;
  customers: Record<string, string>;
  processes: Record<string, string>;
  rootCauses: Record<string, string>;
  complaint: (spec: ComplaintSpec) => Promise<string>;
  promise: (complaintId: string, due: string, kept?: string) => Promise<void>;
  debrief: (complaintId: string, author: string, hard: boolean) => Promise<void>;
};

let counter = 0;
const HOUR = 3_600_000;

export async function buildFixture(
  db: Db,
  names: { staff: Record<string, "agent" | "supervisor" | "owner">; customers: string[]; processes: string[]; rootCauses: Record<string, "service" | "customer" | "external" | "undetermined"> },
  customersCreatedAt = "2026-01-01T00:00:00Z",
): Promise<Fixture> {
  const tag = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const staffRows = await db
    .insert(staffUsers)
    .values(Object.entries(names.staff).map(([name, role]) => ({ name, role, email: `${name.toLowerCase()}-${tag}@example.com`, passwordHash: "x" })))
    .returning({ id: staffUsers.id, name: staffUsers.name });
  const customerRows = await db
    .insert(customers)
    .values(names.customers.map((name) => ({ name, email: `${name}-${tag}@example.com`, emailNormalized: `${name.toLowerCase()}-${tag}@example.com`, createdAt: new Date(customersCreatedAt) })))
    .returning({ id: customers.id, name: customers.name });
  const processRows = await db.insert(processes).values(names.processes.map((name) => ({ name }))).returning({ id: processes.id, name: processes.name });
  const causeRows = await db
    .insert(rootCauses)
    .values(Object.entries(names.rootCauses).map(([name, defaultFault]) => ({ name, defaultFault })))
    .returning({ id: rootCauses.id, name: rootCauses.name });
  const byName = (rows: { id: string; name: string }[]) => Object.fromEntries(rows.map((r) => [r.name, r.id]));
  const f = { staff: byName(staffRows), customers: byName(customerRows), processes: byName(processRows), rootCauses: byName(causeRows) };

  let n = 0;
  return {
    ...f,
    async complaint(spec) {
      const received = new Date(spec.received);
      const after = (h: number | undefined) => (h === undefined ? null : new Date(received.getTime() + h * HOUR));
      const ref = `CR-${tag}-${n++}`;
      const [row] = await db
        .insert(complaints)
        .values({
          reference: ref,
          trackingTokenHash: ref,
          customerId: f.customers[spec.customer]!,
          processId: spec.process ? f.processes[spec.process]! : null,
          rootCauseId: spec.rootCause ? f.rootCauses[spec.rootCause]! : null,
          faultAttribution: spec.fault ?? null,
          requestJudgement: spec.judgement ?? null,
          channel: spec.channel ?? "web",
          assigneeId: spec.assignee ? f.staff[spec.assignee]! : null,
          responsibleStaffId: spec.responsible ? f.staff[spec.responsible]! : null,
          description: "Fixture complaint",
          receivedAt: received,
          firstResponseAt: after(spec.firstResponseAfter),
          firstResponseDueAt: new Date(received.getTime() + 24 * HOUR),
          resolvedAt: after(spec.resolvedAfter),
          satisfaction: spec.satisfaction ?? null,
          minutesSpent: spec.minutes ?? 0,
          reopenedCount: spec.reopened ?? 0,
          goodwillCostCents: spec.goodwillCents ?? null,
        })
        .returning({ id: complaints.id });
      return row!.id;
    },
    async promise(complaintId, due, kept) {
      await db.insert(promises).values({ complaintId, text: "Call back", dueAt: new Date(due), keptAt: kept ? new Date(kept) : null });
    },
    async debrief(complaintId, author, hard) {
      await db.insert(debriefs).values({ complaintId, authorId: f.staff[author]!, body: "Private note", hardInteraction: hard });
    },
  };
}
