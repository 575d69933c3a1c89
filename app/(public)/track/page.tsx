import type { Metadata } from "next";
import Link from "next/link";
import { LinkButton } from "@/components/ui";

export const metadata: Metadata = { title: "Track a complaint" };

export default function TrackPage() {
  return (
    <div className="max-w-2xl space-y-5">
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Track a complaint</h1>
      <p className="text-slate-700">
        Each complaint has its own private tracking link. It was shown on the confirmation page when you sent your complaint; it
        starts with this site&apos;s address followed by <span className="font-mono text-sm">/track/</span> and a long code.
      </p>
      <p className="text-slate-700">
        Open that link to see where your complaint stands, read our replies, see what we have promised and add information.
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="font-semibold text-slate-900">Lost your link?</h2>
        <p className="mt-2 text-slate-700">
          If you gave us your email address, we can send you a new link: you need your reference (it looks like{" "}
          <span className="font-mono text-sm">CR-7KQ4-M9TA</span>). For your privacy we never show a complaint to anyone without its link.
        </p>
        <p className="mt-3">
          <Link href="/track/lost" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
            Email me a new link
          </Link>
        </p>
      </div>
      <LinkButton href="/complain" variant="secondary">
        File a new complaint
      </LinkButton>
    </div>
  );
}
