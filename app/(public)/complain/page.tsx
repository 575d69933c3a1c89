import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listIntakeProcesses } from "@/lib/complaints/intake";
import { DEFAULT_PUBLIC_BUSINESS, getPublicBusinessInfo } from "@/lib/complaints/tracking";
import { lastKnownGood } from "@/lib/resilience/outage";
import { hoursPhrase } from "@/lib/format/dates";
import { ComplaintForm } from "./_components/complaint-form";
import { idleState } from "@/lib/forms/action-state";

export const metadata: Metadata = { title: "File a complaint" };

export default async function ComplainPage() {
  // The form must come back with the customer's words even while the database is unreachable
  // (a submit without JavaScript re-renders this page): use the lists this process last loaded.
  const [processes, business] = await Promise.all([
    lastKnownGood("intake-processes", async () => listIntakeProcesses(await getDb()), () => []),
    lastKnownGood("public-business", async () => getPublicBusinessInfo(await getDb()), () => DEFAULT_PUBLIC_BUSINESS),
  ]);
  // A fresh key per visit to the form: a double submit or a retried request files one complaint.
  const initialState = { ...idleState, values: { idempotencyKey: randomUUID() } };
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">File a complaint</h1>
        <p className="text-slate-700">
          Tell us what went wrong and what would put it right. Take your time: everything you write is kept exactly as you wrote
          it, and a person at {business.name} will read it. We aim to acknowledge it within {hoursPhrase(business.firstResponseHours)}.
        </p>
        <p className="text-sm text-slate-600">
          Fields marked <span className="text-red-700">*</span> are required.
        </p>
      </header>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-8">
        <ComplaintForm processes={processes.map(({ id, name }) => ({ id, name }))} initialState={initialState} today={today} />
      </div>
    </div>
  );
}
