"use server";

import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { answerAsCustomer } from "@/lib/complaints/customer-responses";
import { addCustomerMessage } from "@/lib/complaints/tracking";
import { FORM_OUTAGE_MESSAGE, keepFormDuringOutage } from "@/lib/resilience/outage";

/** The database could not be reached: nothing was stored, and the form keeps what was typed. */
const whenDown = () => ({ ok: false, error: FORM_OUTAGE_MESSAGE }) as const;

export type MessageFormState = { error: string | null; body: string; attempt: number };

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

/** The customer writes on their case. The token is the only key: a wrong one is simply not found. */
export async function addMessageAction(previous: MessageFormState, form: FormData): Promise<MessageFormState> {
  const token = field(form, "token");
  const text = field(form, "body");
  const result = await keepFormDuringOutage("track", async () => addCustomerMessage(await getDb(), token, text), whenDown);
  if (result.ok) redirect(`/track/${token}?sent=1#timeline`);
  if ("notFound" in result) notFound();
  return { error: result.error, body: text, attempt: previous.attempt + 1 };
}

/** State of the customer's answer forms: the error to show and what they typed, to put back. */
export type AnswerFormState = { error: string | null; text: string; attempt: number };

type Intent = "confirm" | "correct" | "agree" | "disagree" | "rate";
const DONE: Record<Intent, string> = { confirm: "confirmed", correct: "corrected", agree: "agreed", disagree: "disagreed", rate: "rated" };

/**
 * One action for every answer on the tracking page; the button pressed says which (`intent`).
 * Plain form posts, so it all works before JavaScript loads, or without it.
 */
export async function answerAction(previous: AnswerFormState, form: FormData): Promise<AnswerFormState> {
  const token = field(form, "token");
  const intent = field(form, "intent") as Intent;
  const text = field(form, "text");
  const result = await keepFormDuringOutage(
    "track",
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
          return { ok: false, error: "Please use one of the buttons on the page." } as const;
      }
    },
    whenDown,
  );
  if (result.ok) redirect(`/track/${token}?answered=${DONE[intent]}#answers`);
  if ("notFound" in result) notFound();
  return { error: result.error, text, attempt: previous.attempt + 1 };
}
