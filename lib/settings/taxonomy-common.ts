import { pgErrorOf } from "@/db/errors";
import { SettingsRuleError } from "./access";

/** What the owner calls the thing, for messages: "process" or "root cause". */
export type TaxonomyKind = "process" | "root cause";

/** An entry of a list on the settings pages, with how many complaints use it. */
export type UsageCounted = { complaintCount: number; archivedAt: Date | null };

export function duplicateNameError(kind: TaxonomyKind, name: string): SettingsRuleError {
  const message = `A ${kind} called “${name}” already exists`;
  return new SettingsRuleError(message, { name: message });
}

export function notFoundError(kind: TaxonomyKind): SettingsRuleError {
  return new SettingsRuleError(`That ${kind} no longer exists. It may have been deleted by another owner.`);
}

export function inUseError(kind: TaxonomyKind, name: string, count: number): SettingsRuleError {
  const complaints = count === 1 ? "1 complaint uses it" : `${count} complaints use it`;
  return new SettingsRuleError(
    `“${name}” cannot be deleted because ${complaints}. Archive it instead: it leaves the pick lists and stays on those complaints.`,
  );
}

/** A foreign key refused the delete: a complaint started using the item at the same moment. */
export function isStillReferenced(error: unknown): boolean {
  return pgErrorOf(error)?.code === "23503";
}

/** Active entries first (in their own order), archived ones apart. */
export function splitByArchived<T extends UsageCounted>(items: T[]): { active: T[]; archived: T[] } {
  return { active: items.filter((i) => !i.archivedAt), archived: items.filter((i) => i.archivedAt) };
}
