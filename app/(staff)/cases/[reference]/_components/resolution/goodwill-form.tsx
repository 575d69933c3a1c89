"use client";

import { useState } from "react";
import { TextArea, TextField } from "@/components/ui";
import { addGoodwillAction } from "../../_actions/resolution";
import { CaseFields, MinutesField } from "../case-form";
import { ActionForm } from "./action-form";
import { type ActionState, fieldState } from "@/lib/forms/action-state";

/** A goodwill extra: recorded internally with its cost; telling the customer is a separate choice. */
export function GoodwillForm({ complaintId, version, currencySymbol }: { complaintId: string; version: number; currencySymbol: string }) {
  return (
    <ActionForm action={addGoodwillAction} label="Add a goodwill extra" submit="Record the extra">
      {(state) => <GoodwillFields complaintId={complaintId} version={version} currencySymbol={currencySymbol} state={state} />}
    </ActionForm>
  );
}

function GoodwillFields({ complaintId, version, currencySymbol, state }: { complaintId: string; version: number; currencySymbol: string; state: ActionState }) {
  const [tell, setTell] = useState(state.values.tellCustomer === "on");
  const [description, setDescription] = useState(state.values.description ?? "");
  return (
    <>
      <CaseFields complaintId={complaintId} version={version} />
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem]">
        <TextField
          id="goodwill-description"
          name="description"
          label="The extra"
          hint="e.g. free delivery on the next order"
          required
          minLength={3}
          maxLength={500}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={state.fieldErrors.description}
        />
        <TextField
          id="goodwill-cost"
          {...fieldState(state, "cost")}
          label={`Cost to us (${currencySymbol})`}
          hint="0 if it costs nothing"
          required
          inputMode="decimal"
          autoComplete="off"
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="tellCustomer" value="on" checked={tell} onChange={(e) => setTell(e.target.checked)} className="h-4 w-4" />
        Tell the customer about it (the cost is never shown to them)
      </label>
      {tell ? (
        <TextArea
          id="goodwill-message"
          name="customerMessage"
          label="Message to the customer"
          required
          maxLength={2000}
          className="min-h-20"
          defaultValue={state.values.customerMessage ?? `As a thank-you for your patience, we would also like to offer you ${lowerFirst(description.trim()) || "…"}.`}
          error={state.fieldErrors.customerMessage}
        />
      ) : null}
      <MinutesField id="goodwill-minutes" state={state} fallback={3} />
    </>
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
