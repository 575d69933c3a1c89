CREATE TYPE "public"."actor_kind" AS ENUM('staff', 'customer', 'system');--> statement-breakpoint
CREATE TYPE "public"."call_direction" AS ENUM('inbound', 'outbound');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('new', 'acknowledged', 'investigating', 'resolution_proposed', 'awaiting_customer', 'resolved', 'follow_up_due', 'closed');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('email', 'phone');--> statement-breakpoint
CREATE TYPE "public"."customer_agreement" AS ENUM('agreed', 'disagreed');--> statement-breakpoint
CREATE TYPE "public"."event_type" AS ENUM('filed', 'status_changed', 'assessed', 'assigned', 'note', 'message', 'customer_message', 'call_logged', 'restated', 'restatement_confirmed', 'restatement_corrected', 'apology', 'request_judged', 'resolution_proposed', 'goodwill_added', 'promise_made', 'promise_kept', 'escalated', 'fault_confirmed', 'root_cause_set', 'follow_up_scheduled', 'follow_up_done', 'customer_agreed', 'customer_disagreed', 'satisfaction_rated', 'reopened', 'attachment_added', 'correction');--> statement-breakpoint
CREATE TYPE "public"."event_visibility" AS ENUM('customer', 'internal');--> statement-breakpoint
CREATE TYPE "public"."fault_attribution" AS ENUM('service', 'customer', 'external', 'undetermined');--> statement-breakpoint
CREATE TYPE "public"."intake_channel" AS ENUM('web', 'api', 'email', 'phone', 'in_person', 'social', 'letter', 'import');--> statement-breakpoint
CREATE TYPE "public"."request_judgement" AS ENUM('reasonable', 'partly', 'unreasonable');--> statement-breakpoint
CREATE TYPE "public"."resolution_source" AS ENUM('staff', 'customer');--> statement-breakpoint
CREATE TYPE "public"."resolution_type" AS ENUM('repair', 'redo', 'replace', 'refund', 'credit', 'explanation', 'referral', 'none');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('agent', 'supervisor', 'owner');--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "staff_role" DEFAULT 'agent' NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"business_name" text DEFAULT 'Our business' NOT NULL,
	"time_zone" text DEFAULT 'Europe/London' NOT NULL,
	"first_response_hours" integer DEFAULT 24 NOT NULL,
	"follow_up_delay_days" integer DEFAULT 7 NOT NULL,
	"demo_seeded_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_settings_singleton" CHECK ("business_settings"."id" = 1),
	CONSTRAINT "business_settings_first_response_positive" CHECK ("business_settings"."first_response_hours" > 0),
	CONSTRAINT "business_settings_follow_up_positive" CHECK ("business_settings"."follow_up_delay_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "root_causes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"default_fault" "fault_attribution" DEFAULT 'undetermined' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "severity_targets" (
	"severity" "severity" PRIMARY KEY NOT NULL,
	"first_response_hours" integer NOT NULL,
	"resolution_days" integer NOT NULL,
	CONSTRAINT "severity_targets_first_response_positive" CHECK ("severity_targets"."first_response_hours" > 0),
	CONSTRAINT "severity_targets_resolution_positive" CHECK ("severity_targets"."resolution_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"email_normalized" text,
	"phone" text,
	"phone_normalized" text,
	"preferred_contact" "contact_channel" DEFAULT 'email' NOT NULL,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_has_contact" CHECK ("customers"."email_normalized" is not null or "customers"."phone_normalized" is not null or "customers"."erased_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"tracking_token_hash" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"process_id" uuid,
	"channel" "intake_channel" DEFAULT 'web' NOT NULL,
	"order_reference" text,
	"occurred_on" date,
	"description" text NOT NULL,
	"desired_outcome" text,
	"status" "case_status" DEFAULT 'new' NOT NULL,
	"severity" "severity",
	"assignee_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_response_at" timestamp with time zone,
	"first_response_due_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"escalated_at" timestamp with time zone,
	"escalation_reason" text,
	"reopened_count" integer DEFAULT 0 NOT NULL,
	"root_cause_id" uuid,
	"fault_attribution" "fault_attribution",
	"fault_confirmed_by_id" uuid,
	"fault_confirmed_at" timestamp with time zone,
	"responsible_staff_id" uuid,
	"request_judgement" "request_judgement",
	"request_judgement_reason" text,
	"resolution_type" "resolution_type",
	"resolution_description" text,
	"resolution_source" "resolution_source",
	"goodwill_description" text,
	"goodwill_cost_cents" integer,
	"customer_agreement" "customer_agreement",
	"satisfaction" smallint,
	"satisfaction_comment" text,
	"minutes_spent" integer DEFAULT 0 NOT NULL,
	"external_id" text,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce("complaints"."description", '') || ' ' || coalesce("complaints"."desired_outcome", '') || ' ' || coalesce("complaints"."order_reference", ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_satisfaction_range" CHECK ("complaints"."satisfaction" between 1 and 5),
	CONSTRAINT "complaints_minutes_nonnegative" CHECK ("complaints"."minutes_spent" >= 0),
	CONSTRAINT "complaints_goodwill_cost_nonnegative" CHECK ("complaints"."goodwill_cost_cents" >= 0),
	CONSTRAINT "complaints_description_not_blank" CHECK (length(btrim("complaints"."description")) > 0)
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_size_range" CHECK ("attachments"."size_bytes" between 1 and 10485760)
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"type" "event_type" NOT NULL,
	"visibility" "event_visibility" NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_id" uuid,
	"body" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"minutes_spent" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_events_minutes_range" CHECK ("complaint_events"."minutes_spent" between 0 and 1440)
);
--> statement-breakpoint
CREATE TABLE "debriefs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"hard_interaction" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"outcome" text,
	"created_by_id" uuid,
	"completed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"text" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"kept_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_root_cause_id_root_causes_id_fk" FOREIGN KEY ("root_cause_id") REFERENCES "public"."root_causes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_fault_confirmed_by_id_staff_users_id_fk" FOREIGN KEY ("fault_confirmed_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_responsible_staff_id_staff_users_id_fk" FOREIGN KEY ("responsible_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_id_staff_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_completed_by_id_staff_users_id_fk" FOREIGN KEY ("completed_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "staff_users_role_idx" ON "staff_users" USING btree ("role");--> statement-breakpoint
CREATE UNIQUE INDEX "processes_name_key" ON "processes" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "root_causes_name_key" ON "root_causes" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "customers_email_normalized_key" ON "customers" USING btree ("email_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_phone_normalized_key" ON "customers" USING btree ("phone_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_reference_key" ON "complaints" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_tracking_token_hash_key" ON "complaints" USING btree ("tracking_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_external_id_key" ON "complaints" USING btree ("external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_idempotency_key" ON "complaints" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "complaints_received_at_idx" ON "complaints" USING btree ("received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_status_received_idx" ON "complaints" USING btree ("status","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_assignee_status_idx" ON "complaints" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "complaints_customer_idx" ON "complaints" USING btree ("customer_id","received_at");--> statement-breakpoint
CREATE INDEX "complaints_process_received_idx" ON "complaints" USING btree ("process_id","received_at");--> statement-breakpoint
CREATE INDEX "complaints_root_cause_received_idx" ON "complaints" USING btree ("root_cause_id","received_at");--> statement-breakpoint
CREATE INDEX "complaints_last_activity_idx" ON "complaints" USING btree ("last_activity_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_search_idx" ON "complaints" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "attachments_complaint_idx" ON "attachments" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" USING btree ("complaint_id","created_at");--> statement-breakpoint
CREATE INDEX "complaint_events_type_created_idx" ON "complaint_events" USING btree ("type","created_at");--> statement-breakpoint
CREATE INDEX "complaint_events_actor_idx" ON "complaint_events" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "debriefs_complaint_idx" ON "debriefs" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "debriefs_author_idx" ON "debriefs" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "follow_ups_complaint_idx" ON "follow_ups" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "follow_ups_open_due_idx" ON "follow_ups" USING btree ("due_at") WHERE "follow_ups"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "promises_complaint_idx" ON "promises" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "promises_open_due_idx" ON "promises" USING btree ("due_at") WHERE "promises"."kept_at" is null;