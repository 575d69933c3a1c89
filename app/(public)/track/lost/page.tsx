import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui";
import { LostLinkForm } from "./_components/lost-link-form";

export const metadata: Metadata = { title: "Get a new tracking link" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LostLinkPage({ searchParams }: Props) {
  const sent = (await searchParams).sent === "1";
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Get a new tracking link</h1>
      {sent ? (
        <div className="space-y-4">
          <Alert tone="success" title="Check your email">
            If the details match a case, we&apos;ve emailed a new link to the address we have for it. It can take a few minutes to
            arrive. Your earlier links to that complaint no longer work.
          </Alert>
          <p className="text-slate-700">
            Nothing arrived? Check your spam folder, or{" "}
            <Link href="/track/lost" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
              try again
            </Link>{" "}
            with the email address you used when you complained. If you gave us only a phone number, please call us and quote your reference.
          </p>
        </div>
      ) : (
        <>
          <p className="text-slate-700">
            Enter the email address you used and your complaint reference. If they match, we will email you a new private link. For your
            privacy, we say the same thing whether or not they match, and earlier links stop working.
          </p>
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <LostLinkForm />
          </div>
        </>
      )}
    </div>
  );
}
