"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui";

const noop = () => () => {};

/** The tracking link in a field that selects itself, plus a copy button once JavaScript has loaded. */
export function CopyLink({ url }: { url: string }) {
  const hydrated = useSyncExternalStore(noop, () => true, () => false);
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <label htmlFor="tracking-link" className="sr-only">
        Your private tracking link
      </label>
      <input
        id="tracking-link"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
      />
      {hydrated ? (
        <Button
          variant="secondary"
          className="shrink-0"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(url);
              setCopied(true);
            } catch {
              // No clipboard access (e.g. a plain-http address): select the link so it can be copied by hand.
              (document.getElementById("tracking-link") as HTMLInputElement | null)?.select();
            }
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
      ) : null}
      <span role="status" className="sr-only">
        {copied ? "Link copied" : ""}
      </span>
    </div>
  );
}
