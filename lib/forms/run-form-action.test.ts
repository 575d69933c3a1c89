import { redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { FORM_OUTAGE_MESSAGE } from "@/lib/resilience/outage";
import { Refusal, TooManyAttempts } from "./refusal";
import { runFormAction, typedValues } from "./run-form-action";

// Only the answers that never reach headers(): a refusal (not a conflict), an outage, a real error
// and a redirect. A success's redirect-with-notice needs a request and is covered by the e2e
// tests (e2e/no-javascript.spec.ts).

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

function posted(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

describe("runFormAction", () => {
  const form = posted({ name: "Delivery", password: "secret-secret", complaintId: "c1", $ACTION_ID_x: "" });

  it("turns a refusal into the form's answer, with what was typed but no password and no fresh field", async () => {
    const state = await runFormAction(form, {
      label: "t",
      fresh: ["complaintId"],
      work: async () => Promise.reject(new Refusal("Name taken", { name: "Choose another name" })),
    });
    expect(state).toMatchObject({ outcome: "refused", message: "Name taken", fieldErrors: { name: "Choose another name" }, values: { name: "Delivery" } });
    expect(state.attempt).toBeGreaterThan(0);
  });

  it("says when to try again after a rate limit", async () => {
    const state = await runFormAction(form, { label: "t", work: async () => Promise.reject(new TooManyAttempts("Too many", 90)) });
    expect(state).toMatchObject({ outcome: "refused", retryAfterSeconds: 90 });
  });

  it("answers with the form as typed while the database is unreachable, and refreshes nothing", async () => {
    let refreshed = false;
    const state = await runFormAction(form, {
      label: "t",
      work: async () => Promise.reject(new Error("Failed query", { cause: refused() })),
      refresh: () => (refreshed = true),
    });
    expect(state).toMatchObject({ outcome: "refused", message: FORM_OUTAGE_MESSAGE, values: { name: "Delivery", complaintId: "c1" } });
    expect(refreshed).toBe(false);
  });

  it("passes any other error on, and lets redirect() through", async () => {
    await expect(runFormAction(form, { label: "t", work: async () => Promise.reject(Object.assign(new Error("dup"), { code: "23505" })) })).rejects.toThrow("dup");
    await expect(runFormAction(form, { label: "t", work: async () => redirect("/elsewhere") })).rejects.toThrow("NEXT_REDIRECT");
  });
});

describe("typedValues", () => {
  it("keeps text fields but passwords, the framework's own and fresh ones", () => {
    expect(typedValues(posted({ a: "1", newPassword: "x", $ACTION_REF_1: "", id: "7" }), ["id"])).toEqual({ a: "1" });
  });
});
