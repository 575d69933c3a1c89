"use client";

import { useFormStatus } from "react-dom";
import { buttonClasses } from "./button";

/** A submit button that disables itself while its form is sending, so a double click sends once. */
export function SubmitButton({ children, pendingLabel, variant = "primary", className }: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClasses(variant, "md", className)}>
      {pending ? (pendingLabel ?? "Sending…") : children}
    </button>
  );
}
