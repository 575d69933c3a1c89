"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { retrySetAsideEmail } from "@/lib/mail/attempts";
import { SettingsRuleError } from "@/lib/settings/access";

/** "Try again" for an email set aside after failing every attempt: the reader takes it on its next pass. */
export async function retryEmailAction(id: string): Promise<void> {
  const user = await requireStaff("owner");
  try {
    await retrySetAsideEmail(await getDb(), user, id);
  } catch (error) {
    if (error instanceof SettingsRuleError) redirect("/settings/mailbox?retry=refused#failing-emails");
    throw error;
  }
  redirect("/settings/mailbox?retry=queued#failing-emails");
}
