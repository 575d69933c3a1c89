import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { getStaffUser } from "@/lib/auth/session";
import { SignInForm } from "./_components/signin-form";
import { messageForAuthError } from "./messages";

export const metadata: Metadata = { title: "Staff sign-in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<"callbackUrl" | "error" | "code", string | string[] | undefined>> }) {
  const { callbackUrl, error, code } = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const destination = safeCallbackPath(first(callbackUrl));
  // A sign-in posted straight to Auth.js (not through our form) comes back with ?error=…&code=….
  const initialError = messageForAuthError(first(error), first(code));
  // Already signed in with an active account: go straight on. (A deactivated account with a
  // still-valid token is not "signed in" here, so it sees the form instead of a redirect loop.)
  if (await getStaffUser()) redirect(destination);

  return (
    <div className="w-full max-w-sm">
      <h1 className="mb-1 text-2xl font-semibold text-slate-900">Staff sign-in</h1>
      <p className="mb-6 text-sm text-slate-600">Sign in to work on your team&rsquo;s cases.</p>
      <Card>
        <SignInForm callbackUrl={destination} initialError={initialError} />
      </Card>
      <p className="mt-6 text-sm text-slate-600">
        Want to make a complaint? You do not need an account:{" "}
        <Link href="/complain" className="font-medium text-brand-700 underline underline-offset-2">
          tell us what went wrong
        </Link>
        .
      </p>
    </div>
  );
}
