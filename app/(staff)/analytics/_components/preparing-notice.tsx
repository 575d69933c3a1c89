import { Alert } from "@/components/ui";
import type { CopyStatus } from "@/lib/analytics/engine/copy";
import { num } from "@/lib/format/numbers";

/**
 * Shown while this server's copy of the figures loads (after a start or a deployment): the
 * figures below are complete and exact, only counted the slower way.
 */
export function PreparingNotice({ status }: { status: CopyStatus }) {
  if (status.state === "failed") {
    return (
      <Alert tone="info" title="Figures from the database">
        The fast copy of the figures could not be prepared on this server, so these figures come straight from the database. They are complete, but the page may take a few seconds.
      </Alert>
    );
  }
  const share = status.total > 0 ? Math.min(100, Math.floor((status.loaded / status.total) * 100)) : 0;
  return (
    <Alert tone="info" title="Preparing the figures">
      <p>
        This server is loading its fast copy of the figures: {num(status.loaded)} of {num(status.total)} complaints ({share}%). Until it is ready, these
        figures come straight from the database: they are complete, but the page may take a few seconds.
      </p>
      <progress className="mt-2 h-2 w-full max-w-md accent-sky-700" max={100} value={share} aria-label="Figures prepared" />
    </Alert>
  );
}
