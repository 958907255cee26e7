-- Issue 15: the registers (sổ hộ tịch, sổ chứng thực) a signed result is entered in: Số and Quyển
-- số per issuing agency, book and year, and the personal identification number given at birth
-- registration.
CREATE TABLE "result_register_counters" (
	"agency_id" uuid NOT NULL,
	"book" text NOT NULL,
	"year" smallint NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "result_register_counters_agency_id_book_year_pk" PRIMARY KEY("agency_id","book","year")
);
--> statement-breakpoint
CREATE TABLE "result_register_entries" (
	"agency_id" uuid NOT NULL,
	"book" text NOT NULL,
	"year" smallint NOT NULL,
	"number" integer NOT NULL,
	"volume" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"pin" text,
	"pin_source" text,
	"registered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "result_register_entries_agency_id_book_year_number_pk" PRIMARY KEY("agency_id","book","year","number"),
	CONSTRAINT "result_register_entries_pin_source_ck" CHECK ("result_register_entries"."pin_source" is null or "result_register_entries"."pin_source" in ('simulated', 'population'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "result_register_entries_dossier_uq" ON "result_register_entries" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_register_entries_pin_uq" ON "result_register_entries" USING btree ("pin");
