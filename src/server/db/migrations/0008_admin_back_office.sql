CREATE TABLE "agency_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"change" text NOT NULL,
	"effective_date" date NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "agency_history_change_ck" CHECK ("agency_history"."change" in ('created', 'renamed', 'recoded', 'moved', 'kind_changed', 'deactivated', 'reactivated', 'merged'))
);
--> statement-breakpoint
CREATE TABLE "officer_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"row_count" integer NOT NULL,
	"rows" jsonb NOT NULL,
	"imported_at" timestamp with time zone,
	"result" jsonb,
	CONSTRAINT "officer_imports_status_ck" CHECK ("officer_imports"."status" in ('preview', 'imported', 'discarded'))
);
--> statement-breakpoint
ALTER TABLE "agencies" DROP CONSTRAINT "agencies_kind_ck";--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "valid_from" date;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "valid_to" date;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "successor_id" uuid;--> statement-breakpoint
CREATE INDEX "agency_history_agency_idx" ON "agency_history" USING btree ("agency_id","effective_date");--> statement-breakpoint
CREATE INDEX "officer_imports_creator_idx" ON "officer_imports" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_agency_at_idx" ON "audit_log" USING btree ("agency_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_at_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "agencies_admin_unit_idx" ON "agencies" USING btree ("admin_unit_code");--> statement-breakpoint
CREATE INDEX "agencies_name_trgm_idx" ON "agencies" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "agencies_code_prefix_idx" ON "agencies" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "users_officer_units_idx" ON "users" USING gin ("unit_ids") WHERE "users"."kind" = 'officer';--> statement-breakpoint
CREATE INDEX "users_officer_id_prefix_idx" ON "users" USING btree ("id_number" text_pattern_ops) WHERE "users"."kind" = 'officer';--> statement-breakpoint
CREATE INDEX "users_officer_phone_prefix_idx" ON "users" USING btree ("phone" text_pattern_ops) WHERE "users"."kind" = 'officer';--> statement-breakpoint
CREATE INDEX "users_officer_name_order_idx" ON "users" USING btree ("full_name_search","id") WHERE "users"."kind" = 'officer';--> statement-breakpoint
CREATE INDEX "users_officer_unassigned_idx" ON "users" USING btree ("created_at") WHERE "users"."kind" = 'officer' and "users"."unit_ids" = '{}'::uuid[];--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_status_ck" CHECK ("agencies"."status" in ('active', 'inactive'));--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_kind_ck" CHECK (kind in ('ministry', 'province', 'commune', 'service_centre', 'one_stop_desk', 'department', 'bank', 'payment_intermediary', 'other'));