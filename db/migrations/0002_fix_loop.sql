CREATE TYPE "public"."corrective_action_status" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TABLE "corrective_action_complaints" (
	"corrective_action_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	CONSTRAINT "corrective_action_complaints_corrective_action_id_complaint_id_pk" PRIMARY KEY("corrective_action_id","complaint_id")
);
--> statement-breakpoint
CREATE TABLE "corrective_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"root_cause_id" uuid,
	"process_id" uuid,
	"owner_id" uuid,
	"due_on" date,
	"status" "corrective_action_status" DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "corrective_actions_target" CHECK ("corrective_actions"."root_cause_id" is not null or "corrective_actions"."process_id" is not null),
	CONSTRAINT "corrective_actions_done_at" CHECK (("corrective_actions"."status" = 'done') = ("corrective_actions"."done_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "business_settings" ADD COLUMN "analytics_thresholds" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "corrective_action_complaints" ADD CONSTRAINT "corrective_action_complaints_corrective_action_id_corrective_actions_id_fk" FOREIGN KEY ("corrective_action_id") REFERENCES "public"."corrective_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action_complaints" ADD CONSTRAINT "corrective_action_complaints_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_root_cause_id_root_causes_id_fk" FOREIGN KEY ("root_cause_id") REFERENCES "public"."root_causes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_owner_id_staff_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrective_action_complaints_complaint_idx" ON "corrective_action_complaints" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "corrective_actions_root_cause_idx" ON "corrective_actions" USING btree ("root_cause_id");--> statement-breakpoint
CREATE INDEX "corrective_actions_process_idx" ON "corrective_actions" USING btree ("process_id");