"use client";

import "./globals.css";

/** The last resort, when even the root layout failed: it brings its own document and styles. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>Something went wrong</title>
        <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-5 px-4 py-16">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Sorry, something went wrong on our side</h1>
          <p className="text-slate-700">This was not caused by anything you did. Please try again in a moment.</p>
          <div className="flex flex-wrap items-center gap-4">
            <button
              type="button"
              onClick={() => retry()}
              className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              Try again
            </button>
            {/* A full page load, not client navigation: the app itself may be what broke. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="font-medium text-brand-700 underline underline-offset-4">
              Go to the home page
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
