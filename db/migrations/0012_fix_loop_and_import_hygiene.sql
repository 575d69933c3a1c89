CREATE TABLE "corrective_action_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"corrective_action_id" uuid NOT NULL,
	"staff_id" uuid,
	"type" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "imported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD COLUMN "done_note" text;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "corrective_action_events" ADD CONSTRAINT "corrective_action_events_corrective_action_id_corrective_actions_id_fk" FOREIGN KEY ("corrective_action_id") REFERENCES "public"."corrective_actions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action_events" ADD CONSTRAINT "corrective_action_events_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrective_action_events_action_idx" ON "corrective_action_events" USING btree ("corrective_action_id","at");--> statement-breakpoint
CREATE INDEX "customers_direct_created_at_idx" ON "customers" USING btree ("created_at") WHERE "customers"."imported_at" is null;--> statement-breakpoint
CREATE INDEX "customers_imported_idx" ON "customers" USING btree ("id") WHERE "customers"."imported_at" is not null;--> statement-breakpoint
CREATE INDEX "complaints_external_source_id_idx" ON "complaints" USING btree (substr("external_id", strpos("external_id", ':') + 1)) WHERE "complaints"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "corrective_actions_status_due_idx" ON "corrective_actions" USING btree ("status","due_on");--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_cancelled" CHECK (("corrective_actions"."status" = 'cancelled') = ("corrective_actions"."cancelled_at" is not null and "corrective_actions"."cancel_reason" is not null));--> statement-breakpoint
-- A corrective action's trail is an audit record, immutable like the case timeline.
CREATE OR REPLACE FUNCTION corrective_action_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'corrective_action_events rows are immutable (% refused)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER corrective_action_events_immutable
  BEFORE UPDATE OR DELETE ON corrective_action_events
  FOR EACH ROW EXECUTE FUNCTION corrective_action_events_refuse_change();
