-- Issue 15: a rename, new code, kind, move or deactivation of a unit dated after today is stored
-- here and applied on its date by the schedule "agencies.scheduled-changes.apply".
CREATE TABLE "agency_scheduled_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"effective_date" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"failure" text,
	CONSTRAINT "agency_scheduled_changes_action_ck" CHECK ("agency_scheduled_changes"."action" in ('update', 'deactivate')),
	CONSTRAINT "agency_scheduled_changes_status_ck" CHECK ("agency_scheduled_changes"."status" in ('pending', 'applied', 'cancelled', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "agency_scheduled_changes_due_idx" ON "agency_scheduled_changes" USING btree ("status","effective_date");--> statement-breakpoint
CREATE INDEX "agency_scheduled_changes_agency_idx" ON "agency_scheduled_changes" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_scheduled_changes_one_pending_uq" ON "agency_scheduled_changes" USING btree ("agency_id") WHERE "agency_scheduled_changes"."status" = 'pending';
