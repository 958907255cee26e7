-- Issue 15: Phản ánh, kiến nghị (feedback module). A citizen's feedback about a procedure or one of
-- their dossiers, its yearly counter, and the permission FEEDBACK_ANSWER ("Trả lời phản ánh, kiến
-- nghị"), given on upgrade to the agencies' leaders (officers holding DOSSIER_APPROVE), so that an
-- agency can answer from the first day; administrators grant it to others.
CREATE TABLE "feedback_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"about_kind" text NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"dossier_id" uuid,
	"dossier_code" text,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"consent_public" boolean NOT NULL,
	"status" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"search" text NOT NULL,
	"submission_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_status_ck" CHECK ("feedback"."status" in ('received', 'processing', 'answered')),
	CONSTRAINT "feedback_about_ck" CHECK ("feedback"."about_kind" in ('procedure', 'dossier'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_code_uq" ON "feedback" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_submission_uq" ON "feedback" USING btree ("citizen_id","submission_key");--> statement-breakpoint
CREATE INDEX "feedback_citizen_idx" ON "feedback" USING btree ("citizen_id","created_at");--> statement-breakpoint
CREATE INDEX "feedback_agency_idx" ON "feedback" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "feedback_public_idx" ON "feedback" USING btree ("answered_at") WHERE "feedback"."status" = 'answered' and "feedback"."consent_public";--> statement-breakpoint
CREATE INDEX "feedback_search_trgm_idx" ON "feedback" USING gin ("search" gin_trgm_ops);--> statement-breakpoint
INSERT INTO user_permissions (user_id, permission, granted_at)
SELECT DISTINCT u.id, 'FEEDBACK_ANSWER', now()
FROM users u
JOIN user_permissions p ON p.user_id = u.id AND p.permission = 'DOSSIER_APPROVE'
WHERE u.kind = 'officer' AND u.issuer <> 'VNPOST'
ON CONFLICT DO NOTHING;
