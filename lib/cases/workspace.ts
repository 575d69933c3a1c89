import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaintEvents, customers, processes, rootCauses, staffUsers, type Complaint, type FollowUp, type Promise_ } from "@/db/schema";
import type { StaffUserSession } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/dates";
import { getBusinessSettings } from "@/lib/settings/business";
import { listActiveProcesses } from "@/lib/settings/processes";
import { listActiveRootCauses } from "@/lib/settings/root-causes";
import { loadResponseTargets } from "./actions/assess";
import { listAllStaff, staffNames } from "./actions/assign";
import { listCallsAwaitingSummary } from "./actions/call";
import { listDebriefs } from "./actions/debrief";
import { listFollowUps } from "./actions/follow-up";
import { loadHandlingChecklist } from "./actions/handling";
import { listPromises } from "./actions/promise";

/**
 * What the case workspace's panels read beyond the complaint row (lib/cases/detail.ts loads
 * that): the conversation composer, the decision panel and the resolution card.
 */

/** The composer: who the customer is (to sign and address drafts), the business name, and calls still without a written summary. */
export async function loadComposerData(db: Db, complaint: Complaint) {
  const [[customer], business, calls] = await Promise.all([
    db.select({ name: customers.name, email: customers.email, erasedAt: customers.erasedAt }).from(customers).where(eq(customers.id, complaint.customerId)).limit(1),
    getBusinessSettings(db),
    listCallsAwaitingSummary(db, complaint.id),
  ]);
  return { customer, business, calls };
}

/** Everything the decision panel shows, loaded in parallel. */
export async function loadDecisionData(db: Db, complaint: Complaint, viewer: StaffUserSession, timeZone: string) {
  const formatTime = (date: Date) => formatDateTime(date, timeZone);
  const [handling, targets, staff, activeProcesses, activeCauses, debriefs, names, archived, faultReview] = await Promise.all([
    loadHandlingChecklist(db, complaint, formatTime),
    loadResponseTargets(db),
    listAllStaff(db),
    listActiveProcesses(db),
    listActiveRootCauses(db),
    listDebriefs(db, viewer, complaint.id),
    staffNames(db, [complaint.assigneeId, complaint.faultConfirmedById, complaint.responsibleStaffId]),
    archivedChoices(db, complaint),
    latestFaultReview(db, complaint.id),
  ]);
  return {
    handling,
    targets,
    staff,
    // A case keeps its process and root cause even after the owner archives them.
    processes: [...activeProcesses.map((p) => ({ value: p.id, label: p.name })), ...archived.processes],
    rootCauses: [...activeCauses.map((c) => ({ value: c.id, label: c.name, defaultFault: c.defaultFault })), ...archived.rootCauses],
    debriefs,
    names,
    faultReview,
  };
}

export type FaultReview = { type: "fault_changed" | "fault_rejected"; reason: string | null; from: string | null; by: string; at: Date };

/** A supervisor's latest change or rejection of the fault attribution, with their reason. */
async function latestFaultReview(db: Db, complaintId: string): Promise<FaultReview | null> {
  const [row] = await db
    .select({ type: complaintEvents.type, body: complaintEvents.body, data: complaintEvents.data, by: staffUsers.name, at: complaintEvents.createdAt })
    .from(complaintEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, complaintEvents.actorId))
    .where(and(eq(complaintEvents.complaintId, complaintId), inArray(complaintEvents.type, ["fault_changed", "fault_rejected"])))
    .orderBy(desc(complaintEvents.id))
    .limit(1);
  if (!row) return null;
  const from = typeof row.data?.from === "string" ? row.data.from : null;
  return { type: row.type as FaultReview["type"], reason: row.body, from, by: row.by ?? "a former colleague", at: row.at };
}

export type DecisionData = Awaited<ReturnType<typeof loadDecisionData>>;

async function archivedChoices(db: Db, complaint: Complaint) {
  const [p, c] = await Promise.all([
    complaint.processId
      ? db.select({ id: processes.id, name: processes.name, archivedAt: processes.archivedAt }).from(processes).where(eq(processes.id, complaint.processId))
      : [],
    complaint.rootCauseId
      ? db
          .select({ id: rootCauses.id, name: rootCauses.name, defaultFault: rootCauses.defaultFault, archivedAt: rootCauses.archivedAt })
          .from(rootCauses)
          .where(eq(rootCauses.id, complaint.rootCauseId))
      : [],
  ]);
  return {
    processes: p.filter((r) => r.archivedAt).map((r) => ({ value: r.id, label: `${r.name} (archived)` })),
    rootCauses: c.filter((r) => r.archivedAt).map((r) => ({ value: r.id, label: `${r.name} (archived)`, defaultFault: r.defaultFault })),
  };
}

export type AnswerRecord = { type: "customer_agreed" | "customer_disagreed" | "satisfaction_rated"; by: string; at: Date };

export type ResolutionData = {
  promises: Promise_[];
  followUps: FollowUp[];
  /** Who recorded the latest agreement and rating: the customer on their page, or a staff member. */
  latestAgreement: AnswerRecord | null;
  latestRating: AnswerRecord | null;
};

/** What the resolution card needs beyond the complaint row: two small lists and one lookup. */
export async function loadResolutionData(db: Db, complaintId: string): Promise<ResolutionData> {
  const [promises, followUps, answers] = await Promise.all([
    listPromises(db, complaintId),
    listFollowUps(db, complaintId),
    db
      .select({ type: complaintEvents.type, actorKind: complaintEvents.actorKind, actorName: staffUsers.name, at: complaintEvents.createdAt })
      .from(complaintEvents)
      .leftJoin(staffUsers, eq(staffUsers.id, complaintEvents.actorId))
      .where(and(eq(complaintEvents.complaintId, complaintId), inArray(complaintEvents.type, ["customer_agreed", "customer_disagreed", "satisfaction_rated"])))
      .orderBy(desc(complaintEvents.id))
      .limit(10),
  ]);
  const records = answers.map((a) => ({
    type: a.type as AnswerRecord["type"],
    by: a.actorKind === "customer" ? "the customer on their tracking page" : `${a.actorName ?? "a former staff member"}, as told by the customer`,
    at: a.at,
  }));
  return {
    promises,
    followUps,
    latestAgreement: records.find((r) => r.type !== "satisfaction_rated") ?? null,
    latestRating: records.find((r) => r.type === "satisfaction_rated") ?? null,
  };
}
