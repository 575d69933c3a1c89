import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { listTemplates } from "@/lib/outbox/admin";
import { KIND_LABELS } from "@/lib/outbox/templates";

export const metadata: Metadata = { title: "Email wording" };

/** The emails customers receive, one per moment in a complaint, each with the owner's wording or the built-in one. */
export default async function EmailTemplatesPage() {
  const user = await requireStaff("owner");
  const templates = await listTemplates(await getDb(), user);
  return (
    <div className="max-w-4xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Email wording</h1>
        <p className="text-sm text-slate-600">
          What customers receive at each step. Placeholders such as {"{{reference}}"} are filled in for each customer.
        </p>
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
        {templates.map((t) => (
          <li key={t.kind} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                {KIND_LABELS[t.kind]} {t.customised ? <Badge tone="brand">Your wording</Badge> : <Badge>Built-in</Badge>}
              </p>
              <p className="break-words text-sm text-slate-600">Subject: {t.template.subject}</p>
            </div>
            <Link href={`/settings/email-templates/${t.kind}`} className="shrink-0 text-sm font-medium text-brand-700 hover:text-brand-800">
              Edit<span className="sr-only"> {KIND_LABELS[t.kind]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
