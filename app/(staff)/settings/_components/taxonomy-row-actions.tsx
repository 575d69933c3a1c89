"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui";
import { idleState, type FormAction } from "@/lib/forms/action-state";

export type RowActionsProps = {
  action: FormAction;
  item: { id: string; name: string; archived: boolean; complaintCount: number };
  /** Only processes have an order; root causes are listed alphabetically. */
  move?: { up: boolean; down: boolean };
};

const small = "px-3! py-1.5!";

/**
 * Archive or restore, move, and delete (only offered while no complaint uses the item).
 * Plain forms: they work before the page's JavaScript has loaded, or without it.
 */
export function TaxonomyRowActions({ action, item, move }: RowActionsProps) {
  const [state, formAction] = useActionState(action, idleState);
  // Visible labels stay short; screen readers hear which item each button acts on.
  const button = (intent: string, label: React.ReactNode, spoken: string, variant: "secondary" | "danger" = "secondary", confirmText?: string) => (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="intent" value={intent} />
      <SubmitButton variant={variant} pendingLabel="Saving…" className={small}>
        <span aria-hidden="true">{label}</span>
        <span className="sr-only">{spoken}</span>
      </SubmitButton>
    </form>
  );
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        {move?.up ? button("up", "↑ Up", `Move ${item.name} up`) : null}
        {move?.down ? button("down", "↓ Down", `Move ${item.name} down`) : null}
        {item.archived ? button("restore", "Restore", `Restore ${item.name}`) : button("archive", "Archive", `Archive ${item.name}`)}
        {item.complaintCount === 0
          ? button("delete", "Delete", `Delete ${item.name}`, "danger", `Delete “${item.name}”? No complaint uses it, so nothing else changes.`)
          : null}
      </div>
      {state.outcome === "refused" && state.message ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
