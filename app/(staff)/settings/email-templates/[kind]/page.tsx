import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { isCustomerKind, listTemplates } from "@/lib/outbox/admin";
import { DEFAULT_TEMPLATES, KIND_LABELS } from "@/lib/outbox/templates";
import { getPublicBusinessInfo } from "@/lib/complaints/tracking";
import { TemplateEditor } from "./_components/template-editor";

export const metadata: Metadata = { title: "Edit email wording" };

type Props = { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditTemplatePage({ params, searchParams }: Props) {
  const user = await requireStaff("owner");
  const [{ kind }, query] = await Promise.all([params, searchParams]);
  if (!isCustomerKind(kind)) notFound();
  const db = await getDb();
  const [templates, business] = await Promise.all([listTemplates(db, user), getPublicBusinessInfo(db)]);
  const row = templates.find((t) => t.kind === kind)!;
  return (
    <div className="space-y-5">
      <Link href="/settings/email-templates" className="text-sm font-medium text-brand-700 hover:text-brand-800">
        ← Email wording
      </Link>
      <h1 className="text-2xl font-semibold text-slate-900">{KIND_LABELS[kind]}</h1>
      {query.done === "saved" ? <Alert tone="success">Saved. New emails of this kind use your wording.</Alert> : null}
      {query.done === "reset" ? <Alert tone="success">This email uses the built-in wording again.</Alert> : null}
      <TemplateEditor
        key={row.updatedAt?.toISOString() ?? "default"}
        kind={kind}
        initial={row.template}
        defaults={DEFAULT_TEMPLATES[kind]}
        businessName={business.name}
        customised={row.customised}
      />
    </div>
  );
}
