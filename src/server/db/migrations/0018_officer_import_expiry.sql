-- Issue 15: an officer-import preview not confirmed within 30 minutes of its upload expires; the
-- officer-import schedule then sets "expired" and removes its rows (names, CCCD and phone numbers).
ALTER TABLE "officer_imports" DROP CONSTRAINT "officer_imports_status_ck";--> statement-breakpoint
ALTER TABLE "officer_imports" ADD CONSTRAINT "officer_imports_status_ck" CHECK ("officer_imports"."status" in ('preview', 'imported', 'discarded', 'expired'));