/** What a resolution form shows after its server action ran. Client-safe: no server imports. */
export type BlameFlagView = { match: string; explanation: string; suggestion: string };

export type ResolutionFormState = {
  ok: boolean;
  message: string;
  fieldErrors: Record<string, string>;
  /** What the user typed, so a refused form comes back filled in. */
  values: Record<string, string>;
  /** Wording the blame check flagged; the form then offers "Send anyway" with a reason. */
  flags: BlameFlagView[];
  /** Changes on every answer: the fields remount (fresh case version) and the toast shows again. */
  stamp: number;
};

export type ResolutionAction = (previous: ResolutionFormState, formData: FormData) => Promise<ResolutionFormState>;

export const initialResolutionState: ResolutionFormState = { ok: false, message: "", fieldErrors: {}, values: {}, flags: [], stamp: 0 };
