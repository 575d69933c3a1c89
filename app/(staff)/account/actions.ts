"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import { changeOwnPassword, signOutEverywhere } from "@/lib/staff/users";

/**
 * Changes the signed-in person's own password. Every session of the account ends with it (a
 * copied cookie, another device); this browser is then signed in again with the new password
 * and shown the account page afresh.
 */
export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const me = await requireStaff();
      const passwords = formValues(formData, ["current", "next", "confirm"]);
      await changeOwnPassword(await getDb(), me.id, passwords);
      try {
        await signIn("credentials", { email: me.email, password: passwords.next, redirect: false });
      } catch (error) {
        // The password is changed; only this browser's new session could not be made (e.g. too many
        // sign-ins from this address): the person signs in again themselves.
        if (error instanceof AuthError) redirect("/signin");
        throw error;
      }
      // A fresh page load, so everything on it is rendered with the new session cookie (this
      // request still carries the old one, whose sessions the change has just ended).
      redirect("/account?password=changed");
    },
  });
}

/** Ends every session of the signed-in person, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const me = await requireStaff();
  await signOutEverywhere(await getDb(), me.id, me.id);
  await signOut({ redirect: false });
  redirect("/signin");
}
