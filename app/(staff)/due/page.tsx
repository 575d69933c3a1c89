import type { Metadata } from "next";
import { DuePanel } from "@/components/reminders/due-panel";
import { requireStaff } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "What's due" };

/** The signed-in staff member's reminders: what they promised, what is late, who is waiting. */
export default async function DuePage() {
  const user = await requireStaff("agent");
  return (
    <div className="max-w-4xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">What&apos;s due</h1>
        <p className="text-sm text-slate-600">
          {hasRole(user.role, "supervisor")
            ? "Your cases, and unassigned cases nobody else is watching. Days are counted in the business's time zone."
            : "Your cases. Days are counted in the business's time zone."}
        </p>
      </div>
      <DuePanel user={user} />
    </div>
  );
}
