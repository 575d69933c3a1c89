"use client";

import { forgetAllDrafts } from "@/components/drafts";
import { buttonClasses } from "@/components/ui";
import { signOutAction } from "../actions";

/** Signs out, and forgets this tab's unsent drafts first: the next person here sees none of them. */
export function SignOutButton() {
  return (
    <form action={signOutAction} onSubmit={forgetAllDrafts}>
      <button type="submit" className={buttonClasses("secondary", "sm")}>
        Sign out
      </button>
    </form>
  );
}
