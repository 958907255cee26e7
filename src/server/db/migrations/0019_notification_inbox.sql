-- Issue 15: the notification inbox ("Thông báo"): a copy of every SMS and e-mail sent to a known
-- citizen account, with read/unread (docs/decisions/0018-notification-inbox.md).
CREATE TABLE "notification_inbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"sent_to" text NOT NULL,
	"dossier_id" uuid,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notification_inbox_channel_ck" CHECK ("notification_inbox"."channel" in ('sms', 'email'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notification_inbox_idempotency_key_uq" ON "notification_inbox" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "notification_inbox_account_created_idx" ON "notification_inbox" USING btree ("account_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notification_inbox_unread_idx" ON "notification_inbox" USING btree ("account_id") WHERE read_at is null;
