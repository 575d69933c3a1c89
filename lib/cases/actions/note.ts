import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Complaint } from "@/db/schema";
import { updateCase, type Actor } from "../update-case";
import { minutesSpent, parseInput } from "./input";

export const noteSchema = z.object({
  complaintId: z.uuid("Unknown case."),
  text: z.string().trim().min(1, "Write the note before adding it.").max(5000, "Keep the note under 5,000 characters."),
  minutesSpent: minutesSpent(2),
});
export type NoteInput = z.input<typeof noteSchema>;

/**
 * An internal note: staff only, never on the tracking page. Notes never conflict (no version
 * check): adding one changes nothing anyone else is deciding on.
 */
export async function addNote(db: Db, actor: Actor, raw: NoteInput): Promise<Complaint> {
  const input = parseInput(noteSchema, raw);
  return updateCase(db, { complaintId: input.complaintId, actor }, () => ({
    events: [{ type: "note", visibility: "internal", body: input.text, data: {}, minutesSpent: input.minutesSpent }],
  }));
}
