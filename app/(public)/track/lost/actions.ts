"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requestNewTrackingLink } from "@/lib/complaints/lost-link";
import { publicBaseUrl } from "../../_components/base-url";

export type LostLinkState = { fieldErrors: Partial<Record<"email" | "reference", string>>; email: string; reference: string; attempt: number };

/** Always the same answer once the fields are well formed: see lib/complaints/lost-link.ts. */
export async function lostLinkAction(previous: LostLinkState, form: FormData): Promise<LostLinkState> {
  const email = String(form.get("email") ?? "");
  const reference = String(form.get("reference") ?? "");
  const outcome = await requestNewTrackingLink(await getDb(), { email, reference }, { baseUrl: await publicBaseUrl() });
  if (outcome.ok) redirect("/track/lost?sent=1");
  return { fieldErrors: outcome.fieldErrors, email, reference, attempt: previous.attempt + 1 };
}
