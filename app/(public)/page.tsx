import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { getPublicBusinessInfo } from "@/lib/complaints/tracking";
import { LinkButton } from "@/components/ui";
import { hoursPhrase } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Complaints" };

export default async function HomePage() {
  const business = await getPublicBusinessInfo(await getDb());
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">Something went wrong? Tell {business.name}.</h1>
        <p className="max-w-2xl text-lg text-slate-700">
          We are sorry you have had a problem. Tell us what happened, in your own words, and what would put it right. A person
          will read it, and you can follow every step here.
        </p>
        <div className="flex flex-wrap gap-3 pt-2">
          <LinkButton href="/complain" className="px-5 py-3 text-base">
            File a complaint
          </LinkButton>
          <LinkButton href="/track" variant="secondary" className="px-5 py-3 text-base">
            Track a complaint
          </LinkButton>
        </div>
      </section>

      <div className="grid gap-4 sm:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-lg font-semibold text-slate-900">File a complaint</h2>
          <ol className="mt-3 list-decimal space-y-2 pl-5 text-slate-700">
            <li>Tell us what happened and what you would like us to do.</li>
            <li>Add photos or a PDF, such as a receipt, if they help.</li>
            <li>Get a reference and a private link to follow your complaint.</li>
          </ol>
          <p className="mt-3 text-sm text-slate-600">
            We aim to acknowledge every complaint within {hoursPhrase(business.firstResponseHours)}.
          </p>
          <Link href="/complain" className="mt-4 inline-block font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
            Start your complaint
          </Link>
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-lg font-semibold text-slate-900">Track a complaint</h2>
          <p className="mt-3 text-slate-700">
            When you file a complaint you get a private tracking link. Open it at any time to see where things stand, read our
            replies, check what we promised and add information.
          </p>
          <Link href="/track" className="mt-4 inline-block font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
            Lost your link?
          </Link>
        </section>
      </div>
    </div>
  );
}
