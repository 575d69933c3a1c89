import { Alert } from "@/components/ui";
import type { TaxonomyKind } from "@/lib/settings/taxonomy-common";

/** What the last change did, read from `?done=…&id=…` after the action redirected back here. */
export type Done = "added" | "saved" | "archived" | "restored" | "deleted" | "merged";
const DONE: readonly string[] = ["added", "saved", "archived", "restored", "deleted", "merged"];

export function parseDone(value: string | string[] | undefined): Done | null {
  return typeof value === "string" && DONE.includes(value) ? (value as Done) : null;
}

/** A confirmation after a change. The item's name comes from the database, never from the URL. */
export function TaxonomyNotice({ kind, done, name }: { kind: TaxonomyKind; done: Done | null; name?: string }) {
  if (!done) return null;
  const what = name ? `“${name}”` : `The ${kind}`;
  const messages: Record<Done, string> = {
    added: `${what} added. It is now in the pick lists.`,
    saved: `${what} saved.`,
    archived: `${what} archived. It no longer appears in the pick lists; complaints that use it keep it.`,
    restored: `${what} is back in the pick lists.`,
    deleted: `${kind === "process" ? "Process" : "Root cause"} deleted.`,
    merged: `Merged into ${what}: its complaints now carry this name, and the merged ${kind} is gone. The audit log records the merge.`,
  };
  if (done !== "deleted" && !name) return null;
  return <Alert tone="success">{messages[done]}</Alert>;
}
