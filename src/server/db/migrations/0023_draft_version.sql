-- Issue 15: an online-filing draft carries a version, raised by every save; a save or a submission
-- from a tab that holds an older version is refused (DRAFT_VERSION_CONFLICT) instead of overwriting.
ALTER TABLE "dossier_drafts" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;
