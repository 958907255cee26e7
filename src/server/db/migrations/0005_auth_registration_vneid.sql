CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"login" text NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"id_number" text NOT NULL,
	"full_name" text NOT NULL,
	"representative_name" text,
	"birth_date" date,
	"phone" text NOT NULL,
	"email" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"user_id" uuid,
	"ip" text,
	CONSTRAINT "registrations_kind_ck" CHECK ("registrations"."kind" in ('citizen', 'organisation')),
	CONSTRAINT "registrations_status_ck" CHECK ("registrations"."status" in ('pending', 'verified', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "contact_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"new_value" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "contact_changes_channel_ck" CHECK ("contact_changes"."channel" in ('phone', 'email'))
);
--> statement-breakpoint
CREATE TABLE "oidc_login_flows" (
	"state" text PRIMARY KEY NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"return_to" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "otp_challenges" ALTER COLUMN "phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "otp_challenges" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "representative_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sex" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "permanent_address" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "vneid_sub" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "identity_verified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "registrations_id_number_idx" ON "registrations" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "contact_changes_user_idx" ON "contact_changes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_vneid_sub_uq" ON "users" USING btree ("vneid_sub");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_sex_ck" CHECK ("users"."sex" is null or "users"."sex" in ('male', 'female'));