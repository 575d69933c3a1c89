import type { Metadata } from "next";
import { Alert, Card } from "@/components/ui";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { ChangePasswordForm } from "./_components/change-password-form";
import { SignOutEverywhereButton } from "./_components/sign-out-everywhere-button";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireStaff();
  const changed = (await searchParams).password === "changed";
  return (
    <div className="max-w-2xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Your account</h1>
        <p className="mt-1 text-sm text-slate-600">
          {me.name} · {me.email} · {ROLE_LABELS[me.role]}
        </p>
      </div>
      {changed ? <Alert tone="success">Password changed. You are signed out everywhere else; this browser stays signed in.</Alert> : null}
      <Card title="Change your password">
        <p className="mb-4 text-sm text-slate-600">Changing your password signs you out on every other device.</p>
        <ChangePasswordForm />
      </Card>
      <Card title="Sign out everywhere">
        <p className="mb-4 text-sm text-slate-600">
          Ends every session of your account, on this device and any other, for example a computer you forgot to sign out of. You then
          sign in again here. Signing out with the button at the top does the same.
        </p>
        <SignOutEverywhereButton />
      </Card>
    </div>
  );
}
