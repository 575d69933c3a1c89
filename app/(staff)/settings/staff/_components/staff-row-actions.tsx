"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui";
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from "@/lib/auth/roles";
import { idleState } from "@/lib/forms/action-state";
import { changeRoleAction, setActiveAction, signOutEverywhereAction } from "../actions";

/**
 * Role change, (de)activation and "sign out everywhere" for one account; refusals (e.g. the last
 * owner) show beside it. Each of them ends the account's sessions.
 */
export function StaffRowActions({ user, idPrefix }: { user: { id: string; name: string; role: StaffRole; active: boolean }; idPrefix: string }) {
  const selectId = `${idPrefix}-role-${user.id}`;
  const [roleState, roleAction] = useActionState(changeRoleAction, idleState);
  const [activeState, activeAction] = useActionState(setActiveAction, idleState);
  const [sessionsState, sessionsAction] = useActionState(signOutEverywhereAction, idleState);
  // The latest answer of the three is the one shown.
  const answer = [roleState, activeState, sessionsState].reduce((latest, state) => (state.attempt > latest.attempt ? state : latest));
  const refused = answer.outcome === "refused";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={selectId} className="sr-only">
            Role for {user.name}
          </label>
          <select
            id={selectId}
            name="role"
            defaultValue={user.role}
            key={user.role}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <SubmitButton variant="secondary" pendingLabel="Saving…" className="px-3! py-1.5!">
            Save role
          </SubmitButton>
        </form>
        <form
          action={activeAction}
          onSubmit={(event) => {
            if (user.active && !window.confirm(`Deactivate ${user.name}? They will be signed out and unable to sign in.`)) event.preventDefault();
          }}
        >
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <SubmitButton variant="secondary" pendingLabel="Saving…" className="px-3! py-1.5!">
            {user.active ? "Deactivate" : "Reactivate"}
          </SubmitButton>
        </form>
        {user.active ? (
          <form action={sessionsAction}>
            <input type="hidden" name="userId" value={user.id} />
            <SubmitButton variant="secondary" pendingLabel="Signing out…" className="px-3! py-1.5!">
              <span>
                Sign out everywhere<span className="sr-only"> ({user.name})</span>
              </span>
            </SubmitButton>
          </form>
        ) : null}
      </div>
      <p aria-live="polite" className={refused ? "text-sm font-medium text-red-700" : "text-sm text-emerald-800"}>
        {answer.message}
      </p>
    </div>
  );
}
