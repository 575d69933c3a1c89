import Link from "next/link";

/**
 * What every "not found" says, including tracking links that are wrong, mistyped or unknown:
 * it never says which, so links cannot be guessed by trial.
 */
export function NotFoundMessage() {
  return (
    <div className="max-w-xl space-y-5 py-8">
      <p className="text-sm font-medium uppercase tracking-wide text-brand-700">Page not found</p>
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">We can&apos;t find that page</h1>
      <p className="text-slate-700">
        If you followed a tracking link, please check you have the whole link: they are long, and a missing character stops them
        working. If it still does not open, contact us and quote your complaint reference.
      </p>
      <div className="flex flex-wrap gap-4">
        <Link href="/" className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
          Go to the home page
        </Link>
        <Link href="/complain" className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
          File a complaint
        </Link>
      </div>
    </div>
  );
}
