-- Issue 15: the national database's sections of a procedure (Trình tự thực hiện, Cách thức thực
-- hiện, Đối tượng, Điều kiện, Kết quả), the life events it serves (filtered by a GIN index), the
-- field filter's index, and which thành phần hồ sơ is the tờ khai printed from the e-form.
ALTER TABLE "procedures" ADD COLUMN "steps" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "channels" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "applicants" text;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "conditions" text;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "result" text;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "life_events" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "procedure_documents" ADD COLUMN "printable_form" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "procedures_field_idx" ON "procedures" USING btree ("field");--> statement-breakpoint
CREATE INDEX "procedures_life_events_idx" ON "procedures" USING gin ("life_events");
