-- Timeline events are an immutable record: corrections are new events, never edits.
CREATE OR REPLACE FUNCTION complaint_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'complaint_events rows are immutable (% refused)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER complaint_events_immutable
  BEFORE UPDATE OR DELETE ON complaint_events
  FOR EACH ROW EXECUTE FUNCTION complaint_events_refuse_change();
--> statement-breakpoint
INSERT INTO business_settings (id) VALUES (1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO severity_targets (severity, first_response_hours, resolution_days) VALUES
  ('low', 48, 20), ('medium', 24, 10), ('high', 8, 5), ('critical', 2, 2)
ON CONFLICT DO NOTHING;
