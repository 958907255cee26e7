-- "Quản lý người dùng" walks the officers' name order with the unit, status filters evaluated on
-- the index entry itself (index-only), instead of a heap fetch per entry (bench/RESULTS.md).
-- drizzle-kit cannot declare INCLUDE columns; users/tables.ts keeps the key columns.
DROP INDEX IF EXISTS "users_officer_name_order_idx";--> statement-breakpoint
CREATE INDEX "users_officer_name_order_idx" ON "users" USING btree ("full_name_search", "id") INCLUDE ("unit_ids", "status", "phone", "id_number") WHERE "users"."kind" = 'officer';--> statement-breakpoint
-- Officers with no unit, by status then name: "Không được gán cơ quan" (+ Trạng thái) in name order.
DROP INDEX IF EXISTS "users_officer_unassigned_idx";--> statement-breakpoint
CREATE INDEX "users_officer_unassigned_idx" ON "users" USING btree ("status", "full_name_search", "id") WHERE "users"."kind" = 'officer' and "users"."unit_ids" = '{}'::uuid[];
