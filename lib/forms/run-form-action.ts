import "server-only";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { isDatabaseUnavailable } from "@/db/errors";
import { chosenFiles } from "@/lib/attachments/validate";
import { PAGE_PATH_HEADER } from "@/lib/http/request-headers";
import { FORM_OUTAGE_MESSAGE } from "@/lib/resilience/outage";
import { doneState, refusedState, type ActionState } from "./action-state";
import { withNotice } from "./notice";
import { Refusal, TooManyAttempts } from "./refusal";
import { requestLog } from "@/lib/observability/log";

type FormRun = {
  /** Names the action in the log. */
  label: string;
  /**
   * The action's work: check who is asking, then one piece of domain work that validates and
   * writes. Answers a confirmation (or a whole state, e.g. a notice); may call redirect().
   */
  work: () => Promise<string | ActionState>;
  /** Refusals only this form knows (a blame-check hold with its flags); undefined for the rest. */
  refuse?: (error: unknown, typed: Pick<ActionState, "values" | "rows">) => ActionState | undefined;
  /** Fields never sent back as typed: ids and versions always come fresh from the page. */
  fresh?: readonly string[];
  /** Field holding repeated rows (kept apart from `values`). */
  rows?: string;
  /** Refreshes what the work changed, e.g. `() => revalidatePath("/cases/[reference]", "page")`. */
  refresh?: () => void;
  /**
   * The page keeps its shape after a success (a row's role changed), so the form shows the answer
   * itself, without JavaScript too, where the person pressed the button: no redirect.
   */
  answerInPlace?: boolean;
  /**
   * A public form answers any other failure with this apology in the form, as typed, instead of
   * the error page (the complaint form: a customer's words must not be lost).
   */
  apology?: string;
};

/**
 * How every form's server action runs, so each form behaves the same:
 * - a Refusal (a rule, a role, a conflict) becomes the form's answer, with what was typed;
 * - while the database cannot be reached, the form comes back as typed with FORM_OUTAGE_MESSAGE
 *   instead of an error page that would throw the typing away, and nothing is refreshed;
 * - anything else is a real error and goes to the error page, or, with `apology`, the form's answer;
 * - redirect() and notFound() from the work pass through.
 *
 * Without JavaScript, React can put an answer back only into a page whose shape did not change.
 * A success or a conflict usually changes it (a claimed case shows other forms), so such a post
 * is answered with a redirect to the same page carrying a signed notice that the layout shows
 * (Post/Redirect/Get; a reload then does not post again).
 */
export async function runFormAction(formData: FormData, run: FormRun): Promise<ActionState> {
  const filesChosen = chosenFiles(formData.values()).length;
  const typed = {
    values: typedValues(formData, [...(run.fresh ?? []), ...(run.rows ? [run.rows] : [])]),
    rows: run.rows ? formData.getAll(run.rows).map(String) : [],
    ...(filesChosen > 0 ? { filesChosen } : {}),
  };
  let state: ActionState;
  let conflict = false;
  try {
    const result = await run.work();
    state = typeof result === "string" ? doneState(result) : result;
  } catch (error) {
    unstable_rethrow(error);
    if (isDatabaseUnavailable(error)) {
      (await requestLog()).error({ err: error }, `[${run.label}] database unavailable; the form comes back as typed`);
      return refusedState(FORM_OUTAGE_MESSAGE, { ...typed, failure: "outage" });
    }
    const own = run.refuse?.(error, typed);
    if (own) state = own;
    else if (error instanceof Refusal) {
      const retryAfterSeconds = error instanceof TooManyAttempts ? { retryAfterSeconds: error.retryAfterSeconds } : {};
      state = refusedState(error.message, { ...typed, fieldErrors: error.fieldErrors, ...retryAfterSeconds });
      conflict = error.isConflict;
    } else if (run.apology) {
      (await requestLog()).error({ err: error }, `[${run.label}] failed; the form comes back as typed with an apology`);
      return refusedState(run.apology, { ...typed, failure: "error" });
    } else throw error;
  }
  run.refresh?.();
  if (((state.outcome === "done" && !run.answerInPlace) || conflict) && !(await postedByScript())) {
    const page = (await headers()).get(PAGE_PATH_HEADER);
    if (page) redirect(withNotice(page, { tone: conflict ? "refused" : "done", message: state.message }));
  }
  return state;
}

/** A script-driven post carries Next's action header; a plain HTML form post does not. */
async function postedByScript(): Promise<boolean> {
  return (await headers()).has("next-action");
}

/** Every text field of a form but passwords, the framework's own ($ACTION_…) and `fresh` ones. */
export function typedValues(formData: FormData, fresh: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$") || /password/i.test(name) || fresh.includes(name)) continue;
    values[name] = value;
  }
  return values;
}

/** The named text fields of a submitted form (files and missing fields become ""): a domain function's input. */
export function formValues<K extends string>(formData: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "")])) as Record<K, string>;
}
