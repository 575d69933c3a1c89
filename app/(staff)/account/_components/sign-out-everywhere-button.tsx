"use client";

import { forgetAllDrafts } from "@/components/drafts";
import { SubmitButton } from "@/components/ui";
import { signOutEverywhereAction } from "../actions";

/** Ends every session of the signed-in person, this tab's included (its drafts are forgotten first). */
export function SignOutEverywhereButton() {
  return (
    <form action={signOutEverywhereAction} onSubmit={forgetAllDrafts}>
      <SubmitButton variant="secondary" pendingLabel="Signing out…">
        Sign out everywhere
      </SubmitButton>
    </form>
  );
}
