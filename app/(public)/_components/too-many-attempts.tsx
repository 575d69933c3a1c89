import Link from "next/link";
import { minutesPhrase } from "@/lib/security/minutes";

/**
 * Shown instead of a page when one connection has opened it too often in a short time
 * (lib/security/limits.ts). Calm and specific: nothing is wrong with the customer's case.
 */
export function TooManyAttempts({ retryAfterSeconds }: { retryAfterSeconds: number }) {
  return (
    <div className="max-w-xl space-y-5 py-8" data-testid="too-many-attempts">
      <p className="text-sm font-medium uppercase tracking-wide text-brand-700">Please wait a moment</p>
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Too many attempts</h1>
      <p className="text-slate-700">
        This page has been opened many times from your connection in a short time, so we have paused it for a little while to keep
        everyone&apos;s complaints private. Nothing has changed with your complaint.
      </p>
      <p className="text-slate-700">
        Please try again in <strong>{minutesPhrase(retryAfterSeconds)}</strong>.
      </p>
      <p>
        <Link href="/" className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
