ALTER TABLE "complaints" ADD COLUMN "next_due_at" timestamp with time zone;--> statement-breakpoint
-- The earliest deadline still pending on one case (complaints.next_due_at, db/schema/complaints.ts):
-- the first response while the case is open and unanswered, every unkept promise until it is
-- closed, every open follow-up while it is resolved. least() skips the NULLs.
-- lib/cases/queue/next-due.test.ts holds it to that definition, computed from the base tables with
-- the state machine's statuses. The statuses are compared as text: a fresh database runs every
-- migration in one transaction, and PostgreSQL refuses enum values added earlier in the same
-- transaction (carrying_out) in a function body.
CREATE FUNCTION complaint_next_due(for_case uuid, for_status case_status, answered_at timestamptz, answer_due_at timestamptz)
RETURNS timestamptz AS $$
  SELECT least(
    CASE WHEN for_status::text IN ('new', 'acknowledged', 'investigating', 'resolution_proposed', 'awaiting_customer', 'carrying_out')
      AND answered_at IS NULL THEN answer_due_at END,
    CASE WHEN for_status::text <> 'closed' THEN
      (SELECT min(p.due_at) FROM promises p WHERE p.complaint_id = for_case AND p.kept_at IS NULL) END,
    CASE WHEN for_status::text IN ('resolved', 'follow_up_due') THEN
      (SELECT min(f.due_at) FROM follow_ups f WHERE f.complaint_id = for_case AND f.completed_at IS NULL) END)
$$ LANGUAGE sql STABLE;--> statement-breakpoint
-- A case's own change (its status, its first response or that response's target) sets the
-- column in the row being written; the app never writes it.
CREATE FUNCTION complaints_set_next_due() RETURNS trigger AS $$
BEGIN
  NEW.next_due_at := complaint_next_due(NEW.id, NEW.status, NEW.first_response_at, NEW.first_response_due_at);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER complaints_next_due
  BEFORE INSERT OR UPDATE OF status, first_response_at, first_response_due_at ON complaints
  FOR EACH ROW EXECUTE FUNCTION complaints_set_next_due();--> statement-breakpoint
-- A promise or follow-up added, kept, moved or removed recomputes its case's deadline in the same
-- transaction. Row-level, like the kept-promise count (0008): staff write them one at a time.
-- Only a changed value is written, so the case's other triggers see no needless update.
CREATE FUNCTION complaints_refresh_next_due() RETURNS trigger AS $$
DECLARE
  cases uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    cases := ARRAY[NEW.complaint_id];
  ELSIF TG_OP = 'DELETE' THEN
    cases := ARRAY[OLD.complaint_id];
  ELSE
    cases := ARRAY[NEW.complaint_id, OLD.complaint_id];
  END IF;
  UPDATE complaints c SET next_due_at = complaint_next_due(c.id, c.status, c.first_response_at, c.first_response_due_at)
    WHERE c.id = ANY (cases)
      AND c.next_due_at IS DISTINCT FROM complaint_next_due(c.id, c.status, c.first_response_at, c.first_response_due_at);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER promises_next_due AFTER INSERT OR UPDATE OR DELETE ON promises
  FOR EACH ROW EXECUTE FUNCTION complaints_refresh_next_due();--> statement-breakpoint
CREATE TRIGGER follow_ups_next_due AFTER INSERT OR UPDATE OR DELETE ON follow_ups
  FOR EACH ROW EXECUTE FUNCTION complaints_refresh_next_due();--> statement-breakpoint
-- The cases already there: only a case not yet closed can have a deadline pending.
UPDATE complaints c SET next_due_at = complaint_next_due(c.id, c.status, c.first_response_at, c.first_response_due_at)
  WHERE c.status <> 'closed';--> statement-breakpoint
CREATE INDEX "complaints_next_due_idx" ON "complaints" USING btree ("next_due_at" DESC NULLS LAST,"id" DESC NULLS LAST,"status") WHERE "complaints"."next_due_at" is not null;
