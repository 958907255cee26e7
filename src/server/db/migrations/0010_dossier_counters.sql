CREATE TABLE "dossier_counters" (
	"agency_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "dossier_counters_agency_id_day_pk" PRIMARY KEY("agency_id","day")
);
