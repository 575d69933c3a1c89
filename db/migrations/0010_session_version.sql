ALTER TYPE "public"."outbox_kind" ADD VALUE 'security_alert';--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;