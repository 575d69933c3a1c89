import { LinkButton } from "@/components/ui";

export default function StaffNotFound() {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Not found</h1>
      <p className="text-slate-700">There is nothing at this address. It may have been mistyped, or the link may be out of date.</p>
      <LinkButton href="/cases" variant="secondary">
        Back to cases
      </LinkButton>
    </div>
  );
}
