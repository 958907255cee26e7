DROP INDEX "car_officer_idx";--> statement-breakpoint
CREATE INDEX "users_officer_name_trgm_idx" ON "users" USING gin ("full_name_search" gin_trgm_ops) WHERE "users"."kind" = 'officer';--> statement-breakpoint
CREATE INDEX "car_agency_officer_created_idx" ON "citizen_account_requests" USING btree ("agency_id","officer_id","created_at");