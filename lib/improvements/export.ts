import type { CsvValue } from "@/lib/analytics/csv";
import type { ActionSummary } from "./queries";

const GROUP_LABEL: Record<ActionSummary["group"], string> = { overdue: "Overdue", open: "Open", done: "Done", cancelled: "Cancelled" };

export const ACTIONS_CSV_HEADER = [
  "Corrective action",
  "Status",
  "Owner",
  "Due on",
  "Done at",
  "Root cause",
  "Process",
  "Linked complaints",
  "Recurrences since done",
] as const;

/** One row per action, as the /improvements list shows it (text cells are guarded by csvCell). */
export function actionCsvRows(actions: readonly ActionSummary[]): (readonly CsvValue[])[] {
  return actions.map((a) => [
    a.title,
    GROUP_LABEL[a.group],
    a.ownerName,
    a.dueOn,
    a.doneAt,
    a.rootCauseName,
    a.processName,
    a.linkedComplaints,
    a.status === "done" ? a.recurrences : null,
  ]);
}
