ALTER TYPE "public"."case_status" ADD VALUE 'carrying_out' BEFORE 'resolved';--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'apology_approved' BEFORE 'request_judged';--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'fault_changed' BEFORE 'root_cause_set';--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'fault_rejected' BEFORE 'root_cause_set';