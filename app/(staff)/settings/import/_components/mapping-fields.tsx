"use client";

import { SelectField } from "@/components/ui";
import { IMPORT_FIELDS, type ColumnMapping, type ImportFieldKey } from "@/lib/import/fields";

/** One select per CaseRoot field, listing the file's columns; pre-filled by the suggestion. */
export function MappingFields({
  columns,
  mapping,
  disabled,
  onChange,
}: {
  columns: string[];
  mapping: ColumnMapping;
  disabled: boolean;
  onChange: (key: ImportFieldKey, column: string | null) => void;
}) {
  const options = columns.map((c) => ({ value: c, label: c }));
  return (
    <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      <legend className="sr-only">Which column fills each field</legend>
      {IMPORT_FIELDS.map((field) => (
        <SelectField
          key={field.key}
          id={`map-${field.key}`}
          name={`map-${field.key}`}
          label={field.label}
          hint={field.help}
          required={"required" in field && field.required}
          options={options}
          placeholder="— not in this file —"
          value={mapping[field.key] ?? ""}
          onChange={(event) => onChange(field.key, event.target.value || null)}
        />
      ))}
    </fieldset>
  );
}
