import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb, type Db } from "@/db/client";
import type { ActionState } from "@/lib/forms/action-state";
import { Refusal } from "@/lib/forms/refusal";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import type { SettingsActor } from "@/lib/settings/access";
import { mergeTaxonomy } from "@/lib/settings/merge";
import type { TaxonomyKind } from "@/lib/settings/taxonomy-common";

/** What a taxonomy's settings page (processes, root causes) can do, as its lib/settings functions. */
export type Taxonomy<Input> = {
  kind: TaxonomyKind;
  page: string;
  /** The role check, in the actions file itself: a server action is a public endpoint, whatever page shows it. */
  owner: () => Promise<SettingsActor>;
  /** The item as typed; the domain function validates it. */
  read: (formData: FormData) => Input;
  create: (db: Db, owner: SettingsActor, input: Input) => Promise<{ id: string }>;
  update: (db: Db, owner: SettingsActor, id: string, input: Input) => Promise<unknown>;
  setArchived: (db: Db, owner: SettingsActor, id: string, archived: boolean) => Promise<unknown>;
  remove: (db: Db, owner: SettingsActor, id: string) => Promise<unknown>;
  /** Only processes have an order; root causes are listed alphabetically. */
  move?: (db: Db, owner: SettingsActor, id: string, direction: "up" | "down") => Promise<unknown>;
};

const ROW_INTENTS = ["archive", "restore", "delete", "up", "down"];

/**
 * One of a taxonomy page's actions: add, edit, or a row's button (archive, restore, delete or move,
 * chosen by its `intent` field) or a merge of one item into another, after the taxonomy's role check. Success redirects back with
 * ?done=…, so the confirmation also shows without JavaScript.
 */
export function runTaxonomyAction<Input>(formData: FormData, taxonomy: Taxonomy<Input>, action: "add" | "edit" | "row" | "merge"): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await taxonomy.owner();
      const db = await getDb();
      let id = String(formData.get("id") ?? "");
      const intent = action === "row" ? String(formData.get("intent") ?? "") : action;
      if (action === "row" && !ROW_INTENTS.includes(intent)) throw new Refusal("Unknown action.");
      let done: string | null = null;
      if (intent === "add") {
        ({ id } = await taxonomy.create(db, owner, taxonomy.read(formData)));
        done = "added";
      } else if (intent === "edit") {
        await taxonomy.update(db, owner, id, taxonomy.read(formData));
        done = "saved";
      } else if (intent === "archive" || intent === "restore") {
        await taxonomy.setArchived(db, owner, id, intent === "archive");
        done = intent === "archive" ? "archived" : "restored";
      } else if (intent === "delete") {
        await taxonomy.remove(db, owner, id);
        done = "deleted";
      } else if (intent === "merge") {
        const input = formValues(formData, ["from", "into", "confirm"]);
        await mergeTaxonomy(db, owner, taxonomy.kind, input);
        id = input.into;
        done = "merged";
      } else if ((intent === "up" || intent === "down") && taxonomy.move) {
        await taxonomy.move(db, owner, id, intent);
      } else {
        throw new Refusal("Unknown action.");
      }
      revalidatePath(taxonomy.page);
      // A move needs no message: the list itself shows the new order.
      redirect(done ? `${taxonomy.page}?done=${done}&id=${id}` : taxonomy.page);
    },
  });
}
