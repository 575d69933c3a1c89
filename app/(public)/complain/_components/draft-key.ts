/** The complaint form's draft in the browser tab (components/use-form-draft.ts); forgotten once the complaint is filed. */
export const COMPLAINT_DRAFT_KEY = "complaint-form";
