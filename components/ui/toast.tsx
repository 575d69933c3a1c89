"use client";

import { useEffect, useState } from "react";

/** A short confirmation that fades after a few seconds; announced politely to screen readers. */
export function Toast({ message, durationMs = 5000 }: { message: string; durationMs?: number }) {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(false), durationMs);
    return () => clearTimeout(timer);
  }, [durationMs]);
  if (!visible) return null;
  return (
    <div role="status" className="fixed bottom-4 right-4 z-50 rounded-md bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
      {message}
    </div>
  );
}
