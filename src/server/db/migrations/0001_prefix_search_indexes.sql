DROP INDEX "car_id_number_idx";--> statement-breakpoint
DROP INDEX "car_phone_idx";--> statement-breakpoint
CREATE INDEX "car_id_number_idx" ON "citizen_account_requests" USING btree ("id_number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "car_phone_idx" ON "citizen_account_requests" USING btree ("phone" text_pattern_ops);