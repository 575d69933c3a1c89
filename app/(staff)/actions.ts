"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/auth";

export async function signOutAction(): Promise<void> {
  // Clear the session cookie, then go to a relative path (Auth.js would build an absolute URL).
  await signOut({ redirect: false });
  redirect("/signin");
}
