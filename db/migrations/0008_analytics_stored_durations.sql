DROP INDEX "complaints_analytics_idx";--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "promises_kept" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing kept promises, counted once; from here on the trigger below keeps the count.
UPDATE "complaints" c SET "promises_kept" = k.n
  FROM (SELECT complaint_id, count(*)::int AS n FROM promises WHERE kept_at IS NOT NULL GROUP BY complaint_id) k
  WHERE c.id = k.complaint_id;--> statement-breakpoint
-- The stored hours rewrite the table, after the backfill above, so the rewrite also drops the
-- row versions that the backfill left behind.
ALTER TABLE "complaints" ADD COLUMN "first_response_hours" double precision GENERATED ALWAYS AS (date_part('epoch', "complaints"."first_response_at" - "complaints"."received_at") / 3600.0) STORED;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolution_hours" double precision GENERATED ALWAYS AS (date_part('epoch', "complaints"."resolved_at" - "complaints"."received_at") / 3600.0) STORED;--> statement-breakpoint
-- A promise kept, un-kept, moved or removed adjusts its case's count in the same transaction, so
-- analytics never sees a count that disagrees with the promises. It touches only promises_kept:
-- the case's version (optimistic concurrency of staff edits) is left alone.
CREATE OR REPLACE FUNCTION promises_count_kept() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.kept_at IS NOT NULL THEN
    UPDATE complaints SET promises_kept = promises_kept - 1 WHERE id = OLD.complaint_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.kept_at IS NOT NULL THEN
    UPDATE complaints SET promises_kept = promises_kept + 1 WHERE id = NEW.complaint_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER promises_count_kept_insert_delete
  AFTER INSERT OR DELETE ON promises
  FOR EACH ROW EXECUTE FUNCTION promises_count_kept();--> statement-breakpoint
CREATE TRIGGER promises_count_kept_update
  AFTER UPDATE OF kept_at, complaint_id ON promises
  FOR EACH ROW WHEN (OLD.kept_at IS DISTINCT FROM NEW.kept_at OR OLD.complaint_id IS DISTINCT FROM NEW.complaint_id)
  EXECUTE FUNCTION promises_count_kept();--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_promises_kept_nonnegative" CHECK ("complaints"."promises_kept" >= 0);--> statement-breakpoint
CREATE INDEX "customers_created_at_idx" ON "customers" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "complaints_analytics_idx" ON "complaints" USING btree ("received_at","process_id","channel","assignee_id","customer_id","root_cause_id","responsible_staff_id","fault_attribution","request_judgement","severity","first_response_at","first_response_due_at","first_response_hours","resolution_hours","satisfaction","reopened_count","minutes_spent","goodwill_cost_cents","promises_kept","id");
