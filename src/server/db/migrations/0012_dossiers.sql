CREATE TABLE "citizen_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"file_id" uuid NOT NULL,
	"dossier_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "citizen_documents_kind_ck" CHECK ("citizen_documents"."kind" in ('upload', 'result'))
);
--> statement-breakpoint
CREATE TABLE "dossier_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"file_id" uuid NOT NULL,
	"source" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" uuid NOT NULL,
	CONSTRAINT "dossier_documents_source_ck" CHECK ("dossier_documents"."source" in ('upload', 'scan', 'store'))
);
--> statement-breakpoint
CREATE TABLE "dossier_drafts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"applicant_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"agency_id" uuid,
	"form_data" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" smallint,
	"to_status" smallint NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"processing_days" integer NOT NULL,
	"applicant_id" uuid NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text,
	"channel" smallint NOT NULL,
	"status" smallint NOT NULL,
	"form_data" jsonb NOT NULL,
	"provenance" jsonb NOT NULL,
	"contact_phone" text,
	"contact_email" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	"appointment_date" date,
	"status_reason" text,
	"login_at" timestamp with time zone,
	"submit_seconds" integer,
	"submission_key" text NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossiers_status_ck" CHECK ("dossiers"."status" between 1 and 10),
	CONSTRAINT "dossiers_channel_ck" CHECK ("dossiers"."channel" between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "procedure_documents" ADD COLUMN "template_file_id" uuid;--> statement-breakpoint
CREATE INDEX "citizen_documents_owner_idx" ON "citizen_documents" USING btree ("owner_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dossier_documents_dossier_idx" ON "dossier_documents" USING btree ("dossier_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_drafts_applicant_proc_uq" ON "dossier_drafts" USING btree ("applicant_id","procedure_id");--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_submission_key_uq" ON "dossiers" USING btree ("created_by","submission_key");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_idx" ON "dossiers" USING btree ("applicant_id","submitted_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "dossiers_queue_idx" ON "dossiers" USING btree ("agency_id","status","submitted_at");