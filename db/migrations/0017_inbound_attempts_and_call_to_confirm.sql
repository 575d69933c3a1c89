CREATE TABLE "inbound_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mailbox" text NOT NULL,
	"uid_validity" bigint NOT NULL,
	"uid" bigint NOT NULL,
	"from_address" text,
	"subject" text,
	"attempts" integer DEFAULT 1 NOT NULL,
	"last_error" text NOT NULL,
	"first_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_attempts_positive" CHECK ("inbound_attempts"."attempts" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_attempts_mailbox_uid" ON "inbound_attempts" USING btree ("mailbox","uid_validity","uid");--> statement-breakpoint
CREATE INDEX "inbound_attempts_last_failed_idx" ON "inbound_attempts" USING btree ("last_failed_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outbox_messages_ack_skipped_idx" ON "outbox_messages" USING btree ("complaint_id") WHERE "outbox_messages"."kind" = 'acknowledgement' and "outbox_messages"."status" = 'skipped';