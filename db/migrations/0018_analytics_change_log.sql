CREATE TABLE "analytics_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "analytics_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"subject" text NOT NULL,
	"complaint_id" uuid,
	CONSTRAINT "analytics_changes_subject" CHECK ("analytics_changes"."subject" in ('complaint', 'dimensions', 'everything'))
);
--> statement-breakpoint
CREATE TABLE "analytics_readers" (
	"instance_id" text PRIMARY KEY NOT NULL,
	"horizon" "xid8" NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_changes_txid_idx" ON "analytics_changes" USING btree ("txid");--> statement-breakpoint
-- The change log's triggers. Statement-level with transition tables: an import of a million
-- complaints adds one INSERT ... SELECT, not a million trigger calls. An update is logged only
-- when a column analytics reads changed (not for a new note or a touched last_activity_at).
CREATE FUNCTION analytics_log_complaints_written() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_changes (subject, complaint_id) SELECT 'complaint', n.id FROM analytics_new_rows n;
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE FUNCTION analytics_log_complaints_updated() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_changes (subject, complaint_id)
  SELECT 'complaint', n.id FROM analytics_new_rows n JOIN analytics_old_rows o ON o.id = n.id
  WHERE (n.received_at, n.customer_id, n.process_id, n.channel, n.assignee_id, n.responsible_staff_id, n.root_cause_id,
         n.fault_attribution, n.severity, n.request_judgement, n.first_response_at, n.first_response_due_at,
         n.first_response_hours, n.resolution_hours, n.satisfaction, n.promises_kept, n.reopened_count,
         n.goodwill_cost_cents, n.minutes_spent)
    IS DISTINCT FROM
        (o.received_at, o.customer_id, o.process_id, o.channel, o.assignee_id, o.responsible_staff_id, o.root_cause_id,
         o.fault_attribution, o.severity, o.request_judgement, o.first_response_at, o.first_response_due_at,
         o.first_response_hours, o.resolution_hours, o.satisfaction, o.promises_kept, o.reopened_count,
         o.goodwill_cost_cents, o.minutes_spent);
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE FUNCTION analytics_log_complaints_deleted() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_changes (subject, complaint_id) SELECT 'complaint', o.id FROM analytics_old_rows o;
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER analytics_complaints_inserted AFTER INSERT ON complaints REFERENCING NEW TABLE AS analytics_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_complaints_written();--> statement-breakpoint
CREATE TRIGGER analytics_complaints_updated AFTER UPDATE ON complaints REFERENCING OLD TABLE AS analytics_old_rows NEW TABLE AS analytics_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_complaints_updated();--> statement-breakpoint
CREATE TRIGGER analytics_complaints_deleted AFTER DELETE ON complaints REFERENCING OLD TABLE AS analytics_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_complaints_deleted();--> statement-breakpoint
-- A debrief counts toward its author's hard interactions: log its complaint.
CREATE FUNCTION analytics_log_debriefs_written() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_changes (subject, complaint_id) SELECT DISTINCT 'complaint', n.complaint_id FROM analytics_new_rows n;
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE FUNCTION analytics_log_debriefs_deleted() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_changes (subject, complaint_id) SELECT DISTINCT 'complaint', o.complaint_id FROM analytics_old_rows o;
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER analytics_debriefs_inserted AFTER INSERT ON debriefs REFERENCING NEW TABLE AS analytics_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_debriefs_written();--> statement-breakpoint
CREATE TRIGGER analytics_debriefs_updated AFTER UPDATE ON debriefs REFERENCING NEW TABLE AS analytics_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_debriefs_written();--> statement-breakpoint
CREATE TRIGGER analytics_debriefs_deleted AFTER DELETE ON debriefs REFERENCING OLD TABLE AS analytics_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_debriefs_deleted();--> statement-breakpoint
-- Names, archived flags, severity targets and the time zone: small tables the copy reloads whole.
CREATE FUNCTION analytics_log_dimensions() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_changes (subject) VALUES ('dimensions');
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER analytics_processes_changed AFTER INSERT OR UPDATE OR DELETE ON processes FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_dimensions();--> statement-breakpoint
CREATE TRIGGER analytics_staff_changed AFTER INSERT OR UPDATE OR DELETE ON staff_users FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_dimensions();--> statement-breakpoint
CREATE TRIGGER analytics_root_causes_changed AFTER INSERT OR UPDATE OR DELETE ON root_causes FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_dimensions();--> statement-breakpoint
CREATE TRIGGER analytics_severity_targets_changed AFTER INSERT OR UPDATE OR DELETE ON severity_targets FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_dimensions();--> statement-breakpoint
CREATE TRIGGER analytics_settings_changed AFTER INSERT OR UPDATE OR DELETE ON business_settings FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_dimensions();--> statement-breakpoint
-- A truncated table (a restore, a test reset) means the copy reloads in full.
CREATE FUNCTION analytics_log_truncate() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_changes (subject) VALUES ('everything');
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER analytics_complaints_truncated AFTER TRUNCATE ON complaints FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_truncate();--> statement-breakpoint
CREATE TRIGGER analytics_debriefs_truncated AFTER TRUNCATE ON debriefs FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_truncate();
