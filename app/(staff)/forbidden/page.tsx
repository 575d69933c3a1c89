import type { Metadata } from "next";
import { LinkButton } from "@/components/ui";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Not allowed" };

/** Where requireStaff sends a signed-in person whose role is too low for what they asked for. */
export default async function ForbiddenPage() {
  const user = await requireStaff();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">You do not have access to that page</h1>
      <p className="text-slate-700">
        You are signed in as {user.name} ({ROLE_LABELS[user.role]}). That page needs a different role. If you need it, ask an
        owner of this workspace.
      </p>
      <LinkButton href="/cases" variant="secondary">
        Back to cases
      </LinkButton>
    </div>
  );
}
