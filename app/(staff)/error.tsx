"use client";

import { Alert, Button } from "@/components/ui";

/** Something failed while rendering a workspace page; the header stays usable. */
export default function StaffError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">This page could not be shown</h1>
      <Alert tone="error">
        Something went wrong on our side. Try again; if it keeps happening, give your administrator this code:{" "}
        <code className="font-mono">{error.digest ?? "unknown"}</code>.
      </Alert>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
