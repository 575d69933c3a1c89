"use server";

import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { answerAsCustomer } from "@/lib/complaints/customer-responses";
import { chosenFiles } from "@/lib/attachments/validate";
import { addCustomerMessage } from "@/lib/complaints/tracking";
import type { ActionState } from "@/lib/forms/action-state";
import { Refusal } from "@/lib/forms/refusal";
import { runFormAction } from "@/lib/forms/run-form-action";

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/*
 * The tracking token travels in each form's hidden `token` field (TrackingTokenField), never
 * bound with `action.bind(null, token)` in the client component. React's server renderer checks
 * a bound action against the posted form state by waiting on its bound arguments, and a bind made
 * during render makes a new promise on every render: without JavaScript, posting any of these
 * forms made the renderer wait, render, bind and wait again for ever, at full CPU, with every
 * other request unanswered (vercel/next.js#57867).
 */

type Result = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> } | { ok: false; notFound: true };

/**
 * Runs a customer's form: a success lands on `done` (a redirect, with and without JavaScript); a
 * wrong token is simply not found; a refusal comes back with what was typed.
 */
function runTrackingForm(form: FormData, token: string, work: () => Promise<Result>, done: string): Promise<ActionState> {
  return runFormAction(form, {
    label: "track",
    fresh: ["token", "intent"],
    work: async () => {
      const result = await work();
      if (result.ok) redirect(done);
      if ("notFound" in result) notFound();
      throw new Refusal(result.error, result.fieldErrors);
    },
  });
}

/**
 * The customer writes on their case, with files if they choose (a multipart post, with or without
 * JavaScript). The token is the only key: a wrong one is simply not found.
 */
export async function addMessageAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const token = field(form, "token");
  const uploads = chosenFiles(form.getAll("attachments"));
  return runTrackingForm(form, token, async () => addCustomerMessage(await getDb(), token, field(form, "body"), uploads), `/track/${token}?sent=1#timeline`);
}

type Intent = "confirm" | "correct" | "agree" | "disagree" | "rate";
const DONE: Record<Intent, string> = { confirm: "confirmed", correct: "corrected", agree: "agreed", disagree: "disagreed", rate: "rated" };

/**
 * One action for every answer on the tracking page; the button pressed says which (`intent`).
 * Plain form posts, so it all works before JavaScript loads, or without it.
 */
export async function answerAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const token = field(form, "token");
  const intent = field(form, "intent") as Intent;
  const text = field(form, "text");
  return runTrackingForm(
    form,
    token,
    async () => {
      const db = await getDb();
      switch (intent) {
        case "confirm":
          return answerAsCustomer(db, token, { kind: "confirm_restatement" });
        case "correct":
          return answerAsCustomer(db, token, { kind: "correct_restatement", correction: text });
        case "agree":
          return answerAsCustomer(db, token, { kind: "agree" });
        case "disagree":
          return answerAsCustomer(db, token, { kind: "disagree", reason: text });
        case "rate":
          return answerAsCustomer(db, token, { kind: "rate", rating: field(form, "rating"), comment: text });
        default:
          return { ok: false, error: "Please use one of the buttons on the page." };
      }
    },
    `/track/${token}?answered=${DONE[intent]}#answers`,
  );
}
