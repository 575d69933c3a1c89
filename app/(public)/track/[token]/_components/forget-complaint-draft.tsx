"use client";

import { useEffect } from "react";
import { forgetDraft } from "@/components/drafts";
import { COMPLAINT_DRAFT_KEY } from "../../../complain/_components/draft-key";

/** On the page a new complaint lands on: the form's draft in this tab has done its job. */
export function ForgetComplaintDraft() {
  useEffect(() => forgetDraft(COMPLAINT_DRAFT_KEY), []);
  return null;
}
