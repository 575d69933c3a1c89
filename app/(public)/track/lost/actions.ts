"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requestNewTrackingLink } from "@/lib/complaints/lost-link";
import { requestClientIp } from "@/lib/security/request-ip";
import { publicBaseUrl } from "../../_components/base-url";

export type LostLinkState = {
  fieldErrors: Partial<Record<"email" | "reference", string>>;
  email: string;
  reference: string;
  attempt: number;
  /** Set when this connection asked too often: seconds until it may ask again. */
  retryAfterSeconds?: number;
};

/** Always the same answer once the fields are well formed: see lib/complaints/lost-link.ts. */
export async function lostLinkAction(previous: LostLinkState, form: FormData): Promise<LostLinkState> {
  const email = String(form.get("email") ?? "");
  const reference = String(form.get("reference") ?? "");
  const outcome = await requestNewTrackingLink(await getDb(), { email, reference }, { baseUrl: await publicBaseUrl(), clientIp: await requestClientIp() });
  if (outcome.ok) redirect("/track/lost?sent=1");
  if ("retryAfterSeconds" in outcome) return { fieldErrors: {}, email, reference, attempt: previous.attempt + 1, retryAfterSeconds: outcome.retryAfterSeconds };
  return { fieldErrors: outcome.fieldErrors, email, reference, attempt: previous.attempt + 1 };
}
