-- Issue 15: the satisfaction rating by criteria, and the choice of how to receive the result.
-- Ratings given before (one level 1..3) keep that level as their overall level (the column
-- "rating", which counts in the satisfaction figure as before) and have no criteria: the criteria
-- columns stay null, so nothing the citizen did not say is invented. Dossiers filed before the
-- choice existed have no delivery method (null: shown as "Chưa đăng ký").
ALTER TABLE "dossier_ratings" ADD COLUMN "access_level" smallint;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD COLUMN "time_level" smallint;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD COLUMN "staff_level" smallint;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD COLUMN "result_level" smallint;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_criteria_ck" CHECK (("dossier_ratings"."access_level" is null and "dossier_ratings"."time_level" is null and "dossier_ratings"."staff_level" is null and "dossier_ratings"."result_level" is null) or ("dossier_ratings"."access_level" between 1 and 3 and "dossier_ratings"."time_level" between 1 and 3 and "dossier_ratings"."staff_level" between 1 and 3 and "dossier_ratings"."result_level" between 1 and 3 and "dossier_ratings"."rating" = least("dossier_ratings"."access_level", "dossier_ratings"."time_level", "dossier_ratings"."staff_level", "dossier_ratings"."result_level")));--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "delivery_method" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "delivery_address" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_delivery_ck" CHECK ("dossiers"."delivery_method" is null or "dossiers"."delivery_method" in ('in_person', 'electronic') or ("dossiers"."delivery_method" = 'post' and "dossiers"."delivery_address" is not null));
