CREATE TABLE "dossier_ratings" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossier_ratings_rating_ck" CHECK ("dossier_ratings"."rating" between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "dossier_events" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "step" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "step_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "step_due_date" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "extended_date" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "on_time" boolean;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "fee_amount" integer;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "fee_paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "result_file_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "verify_token" text;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "workflow" jsonb;--> statement-breakpoint
CREATE INDEX "dossier_ratings_agency_idx" ON "dossier_ratings" USING btree ("agency_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_verify_token_uq" ON "dossiers" USING btree ("verify_token");--> statement-breakpoint
CREATE INDEX "dossiers_work_idx" ON "dossiers" USING btree ("agency_id","appointment_date") WHERE "dossiers"."status" in (2, 4, 5, 6, 9);