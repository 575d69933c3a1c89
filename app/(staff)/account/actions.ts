"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { FORM_OUTAGE_MESSAGE, keepFormDuringOutage } from "@/lib/resilience/outage";
import { changeOwnPassword, signOutEverywhere, StaffRuleError } from "@/lib/staff/users";

export type AccountFormState = { ok?: string; error?: string; fieldErrors?: Record<string, string> };

/**
 * Changes the signed-in person's own password. Every session of the account ends with it (a
 * copied cookie, another device); this browser is then signed in again with the new password
 * and shown the account page afresh.
 */
export async function changePasswordAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const changed = await keepFormDuringOutage(
    "settings",
    async (): Promise<AccountFormState & { email?: string; next?: string }> => {
      const me = await requireStaff();
      const next = String(formData.get("next") ?? "");
      try {
        await changeOwnPassword(await getDb(), me.id, { current: String(formData.get("current") ?? ""), next, confirm: String(formData.get("confirm") ?? "") });
        return { ok: "changed", email: me.email, next };
      } catch (error) {
        if (error instanceof StaffRuleError) return { error: error.message, fieldErrors: error.fieldErrors };
        throw error;
      }
    },
    () => ({ error: FORM_OUTAGE_MESSAGE }),
  );
  if (!changed.ok) return changed;
  try {
    await signIn("credentials", { email: changed.email, password: changed.next, redirect: false });
  } catch (error) {
    // The password is changed; only this browser's new session could not be made (e.g. too many
    // sign-ins from this address): the person signs in again themselves.
    if (error instanceof AuthError) redirect("/signin");
    throw error;
  }
  // A fresh page load, so everything on it is rendered with the new session cookie (this
  // request still carries the old one, whose sessions the change has just ended).
  redirect("/account?password=changed");
}

/** Ends every session of the signed-in person, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const me = await requireStaff();
  await signOutEverywhere(await getDb(), me.id, me.id);
  await signOut({ redirect: false });
  redirect("/signin");
}
