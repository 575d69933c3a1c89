"use client";

import { Alert, Button } from "@/components/ui";

/**
 * Something failed while rendering a workspace page (for example the database is briefly
 * unreachable); the header stays usable. "Try again" fetches the page from the server afresh.
 */
export default function StaffError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">This page could not be shown</h1>
      <Alert tone="error">
        Something went wrong on our side, perhaps only for a moment. Nothing you saved before is lost. Try again in a minute; if it
        keeps happening, give your administrator this code: <code className="font-mono">{error.digest ?? "unknown"}</code>.
      </Alert>
      <Button onClick={retry}>Try again</Button>
    </div>
  );
}
