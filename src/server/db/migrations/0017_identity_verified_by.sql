-- Issue 13: an account the desk opened (the citizen and their CCCD in front of the officer) is a
-- verified identity too, for CCCD, name and birth date; VNeID vouches for sex and address as well.
ALTER TABLE "users" ADD COLUMN "identity_verified_by" text;--> statement-breakpoint
UPDATE "users" SET "identity_verified_by" = 'vneid' WHERE "identity_verified_at" IS NOT NULL;--> statement-breakpoint
UPDATE "users" u SET "identity_verified_at" = c.completed_at, "identity_verified_by" = 'desk'
FROM "citizen_account_requests" c
WHERE c.user_id = u.id AND c.status = 'completed' AND c.completed_at IS NOT NULL AND u.identity_verified_at IS NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_identity_verified_ck" CHECK (("users"."identity_verified_by" in ('vneid', 'desk') and "users"."identity_verified_at" is not null) or ("users"."identity_verified_by" is null and "users"."identity_verified_at" is null));
