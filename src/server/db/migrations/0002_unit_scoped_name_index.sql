CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
DROP INDEX "car_name_trgm_idx";--> statement-breakpoint
CREATE INDEX "car_agency_name_gin" ON "citizen_account_requests" USING gin ("agency_id","full_name_search" gin_trgm_ops);