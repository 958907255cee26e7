CREATE TABLE "procedure_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"quantity" text NOT NULL,
	"required" boolean NOT NULL,
	"template_name" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_search" text NOT NULL,
	"field" text NOT NULL,
	"level" text NOT NULL,
	"implementing_agency" text NOT NULL,
	"processing_days" integer NOT NULL,
	"processing_note" text,
	"fees" jsonb NOT NULL,
	"fully_online" boolean NOT NULL,
	"legal_basis" text,
	"form" jsonb,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"decision_ref" text,
	"decision_date" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "procedures_status_ck" CHECK ("procedures"."status" in ('draft', 'published', 'unpublished')),
	CONSTRAINT "procedures_level_ck" CHECK ("procedures"."level" in ('commune', 'province', 'ministry')),
	CONSTRAINT "procedures_days_ck" CHECK ("procedures"."processing_days" >= 0)
);
--> statement-breakpoint
CREATE INDEX "procedure_documents_proc_idx" ON "procedure_documents" USING btree ("procedure_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_code_uq" ON "procedures" USING btree ("code");--> statement-breakpoint
CREATE INDEX "procedures_name_trgm_idx" ON "procedures" USING gin ("name_search" gin_trgm_ops);