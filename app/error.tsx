"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui";

/** Shown when a page fails unexpectedly. It says sorry, offers a retry, and reveals nothing technical. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-xl flex-col justify-center gap-5 px-4 py-16">
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Sorry, something went wrong on our side</h1>
      <p className="text-slate-700">
        This was not caused by anything you did. Please try again in a moment; if you were sending something, it may not have been
        saved.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <Button onClick={() => retry()}>Try again</Button>
        <Link href="/" className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
          Go to the home page
        </Link>
      </div>
      {digest ? <p className="text-xs text-slate-500">Error reference: {digest}</p> : null}
    </main>
  );
}
