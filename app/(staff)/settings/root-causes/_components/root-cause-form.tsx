"use client";

import { SelectField } from "@/components/ui";
import { FAULT_ATTRIBUTIONS } from "@/db/schema/enums";
import { FAULT_LABELS, type Fault } from "@/lib/settings/labels";
import { TaxonomyForm } from "../../_components/taxonomy-form";
import { addRootCauseAction, editRootCauseAction } from "../actions";

const FAULT_OPTIONS = FAULT_ATTRIBUTIONS.map((fault) => ({ value: fault, label: FAULT_LABELS[fault] }));

type Props = { rootCause?: { id: string; name: string; description: string | null; defaultFault: Fault } };

/** Adds a root cause, or (given one) edits its name, description and default fault. */
export function RootCauseForm({ rootCause }: Props) {
  return (
    <TaxonomyForm
      item={rootCause}
      idPrefix="root-cause"
      add={addRootCauseAction}
      edit={editRootCauseAction}
      hints={{
        name: rootCause ? "Cases attributed to it show the new name." : "Why it went wrong, e.g. “Courier missed the slot”.",
        description: "When staff should choose it.",
      }}
      addLabel="Add root cause"
      extra={(prefix, values, errors) => (
        <SelectField
          id={`${prefix}-fault`}
          name="defaultFault"
          label="Usually whose fault"
          hint={
            rootCause
              ? "Pre-filled when staff pick this cause. Cases already attributed keep the fault they have."
              : "Pre-filled when staff pick this cause; they can change it per case."
          }
          required
          options={FAULT_OPTIONS}
          defaultValue={values.defaultFault ?? rootCause?.defaultFault ?? "undetermined"}
          error={errors.defaultFault}
        />
      )}
    />
  );
}
