CREATE TYPE "public"."inbound_email_outcome" AS ENUM('complaint', 'message', 'ignored', 'refused');--> statement-breakpoint
CREATE TABLE "inbound_emails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mailbox" text,
	"uid_validity" bigint,
	"uid" bigint,
	"message_key" text NOT NULL,
	"outcome" "inbound_email_outcome" NOT NULL,
	"reason" text,
	"complaint_id" uuid,
	"from_address" text,
	"subject" text,
	"raw" "bytea" NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_emails_uid_with_mailbox" CHECK (("inbound_emails"."mailbox" is null) = ("inbound_emails"."uid" is null))
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "reply_token" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_emails_message_key" ON "inbound_emails" USING btree ("message_key");--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_emails_mailbox_uid" ON "inbound_emails" USING btree ("mailbox","uid_validity","uid") WHERE "inbound_emails"."mailbox" is not null;--> statement-breakpoint
CREATE INDEX "inbound_emails_received_idx" ON "inbound_emails" USING btree ("received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inbound_emails_complaint_idx" ON "inbound_emails" USING btree ("complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_reply_token_key" ON "complaints" USING btree ("reply_token");