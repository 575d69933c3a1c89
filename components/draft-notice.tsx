/** "Your unsent text is back", with the button that empties it: shown where a draft was put back. */
export function DraftNotice({ children, discardLabel, onDiscard }: { children: React.ReactNode; discardLabel: string; onDiscard: () => void }) {
  return (
    <p role="status" className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700">
      {children}
      <button type="button" onClick={onDiscard} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
        {discardLabel}
      </button>
    </p>
  );
}
