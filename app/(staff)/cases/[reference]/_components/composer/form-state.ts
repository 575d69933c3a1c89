import type { BlameFlag } from "@/lib/messages/blame-check";

/** A flagged passage as the composer shows it; offsets point into `ComposerState.checkedText`. */
export type FlagView = Pick<BlameFlag, "kind" | "match" | "start" | "end" | "explanation" | "suggestion">;

/** What a composer form shows after its server action ran. */
export type ComposerState = {
  /** "sent": done (toast); "error": refused; "notice": not sent, but nothing wrong (e.g. wording swapped). */
  outcome: "idle" | "sent" | "error" | "notice";
  message: string;
  fieldErrors: Record<string, string>;
  /** What the user typed (or the reworded text), so the form comes back filled in. */
  values: Record<string, string>;
  /** Restatement rows, kept apart because there are several. */
  issues: string[];
  /** Flags from the blame-language check and the text they were found in. */
  flags: FlagView[];
  checkedText: string;
  /** Changes on every answer: the fields remount with the values above and the fresh case version. */
  stamp: number;
};

export type ComposerAction = (previous: ComposerState, formData: FormData) => Promise<ComposerState>;

export const initialComposerState: ComposerState = {
  outcome: "idle",
  message: "",
  fieldErrors: {},
  values: {},
  issues: [],
  flags: [],
  checkedText: "",
  stamp: 0,
};

