import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { processes, rootCauses, type Complaint } from "@/db/schema";
import type { StaffUserSession } from "@/lib/auth/session";
import { loadResponseTargets } from "@/lib/cases/actions/assess";
import { listAllStaff, staffNames } from "@/lib/cases/actions/assign";
import { listDebriefs } from "@/lib/cases/actions/debrief";
import { loadHandlingChecklist } from "@/lib/cases/actions/handling";
import { listActiveProcesses } from "@/lib/settings/processes";
import { listActiveRootCauses } from "@/lib/settings/root-causes";
import { formatDateTime } from "../../../../_components/format";

/** Everything the decision panel shows, loaded in parallel. */
export async function loadDecisionData(db: Db, complaint: Complaint, viewer: StaffUserSession, timeZone: string) {
  const formatTime = (date: Date) => formatDateTime(date, timeZone);
  const [handling, targets, staff, activeProcesses, activeCauses, debriefs, names, archived] = await Promise.all([
    loadHandlingChecklist(db, complaint, formatTime),
    loadResponseTargets(db),
    listAllStaff(db),
    listActiveProcesses(db),
    listActiveRootCauses(db),
    listDebriefs(db, viewer, complaint.id),
    staffNames(db, [complaint.assigneeId, complaint.faultConfirmedById, complaint.responsibleStaffId]),
    archivedChoices(db, complaint),
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
  };
}

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

export type DecisionData = Awaited<ReturnType<typeof loadDecisionData>>;
