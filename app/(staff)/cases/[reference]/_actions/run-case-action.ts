import "server-only";
import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/cases/update-case";
import { keepFormDuringOutage } from "@/lib/resilience/outage";

type CaseAction<S> = {
  /** Names the action in the log. */
  label: string;
  /** Who is asking: the action's own guard (requireStaff), which re-reads the account. */
  signedIn: () => Promise<Actor>;
  /** One piece of domain work, which validates, checks the role and writes in one transaction. */
  work: (actor: Actor) => Promise<S>;
  /** A rule the work broke, as the form shows it; rethrows anything unexpected. */
  refuse: (error: unknown) => S;
  /** The form as typed, with FORM_OUTAGE_MESSAGE, for when the database cannot be reached. */
  whenDown: () => S;
};

/**
 * How every case action runs: who is asking, the work, a refusal the form can show, then a
 * refresh of the case page so a conflict shows the latest state. While the database cannot be
 * reached the form comes back as typed, and the page is not refreshed: that would fail too, and
 * take the form with it.
 */
export function runCaseAction<S>({ label, signedIn, work, refuse, whenDown }: CaseAction<S>): Promise<S> {
  return keepFormDuringOutage(
    label,
    async () => {
      const user = await signedIn();
      let state: S;
      try {
        state = await work({ id: user.id, role: user.role });
      } catch (error) {
        state = refuse(error);
      }
      revalidatePath("/cases/[reference]", "page");
      return state;
    },
    whenDown,
  );
}
