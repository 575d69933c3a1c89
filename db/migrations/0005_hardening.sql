CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"staff_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"bucket" text NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_hits_bucket_key_window_start_pk" PRIMARY KEY("bucket","key","window_start"),
	CONSTRAINT "rate_limit_hits_non_negative" CHECK ("rate_limit_hits"."hits" >= 0)
);
--> statement-breakpoint
ALTER TABLE "business_settings" ADD COLUMN "retention_months" integer;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "anonymized_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "rate_limit_hits_window_idx" ON "rate_limit_hits" USING btree ("window_start");--> statement-breakpoint
ALTER TABLE "business_settings" ADD CONSTRAINT "business_settings_retention_positive" CHECK ("business_settings"."retention_months" is null or "business_settings"."retention_months" > 0);--> statement-breakpoint
-- Timeline events stay immutable, with one exception: erasing a customer's personal data (on
-- request or by the retention rule) may blank the text of their case's events. The erase code
-- sets caseroot.redacting = 'on' for its own transaction only (SET LOCAL); nothing else can.
CREATE OR REPLACE FUNCTION complaint_events_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('caseroot.redacting', true) = 'on'
     AND NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id AND NEW.type = OLD.type
     AND NEW.created_at = OLD.created_at THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'complaint_events rows are immutable (% refused)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
