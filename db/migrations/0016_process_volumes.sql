CREATE TABLE "process_volumes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"month" date NOT NULL,
	"units" integer NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_volumes_units_positive" CHECK ("process_volumes"."units" > 0),
	CONSTRAINT "process_volumes_first_of_month" CHECK (extract(day from "process_volumes"."month") = 1)
);
--> statement-breakpoint
ALTER TABLE "process_volumes" ADD CONSTRAINT "process_volumes_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_volumes" ADD CONSTRAINT "process_volumes_updated_by_id_staff_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "process_volumes_process_month_idx" ON "process_volumes" USING btree ("process_id","month");