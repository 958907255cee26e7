ALTER TABLE "users" ADD COLUMN "permissions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- users.permissions / users.unit_ids follow user_permissions / user_units in the same transaction.
CREATE OR REPLACE FUNCTION users_authz_refresh(uid uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE users SET
    permissions = ARRAY(SELECT p.permission FROM user_permissions p WHERE p.user_id = uid ORDER BY p.permission),
    unit_ids = ARRAY(SELECT u.agency_id FROM user_units u WHERE u.user_id = uid ORDER BY u.agency_id)
  WHERE id = uid;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION users_authz_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM users_authz_refresh(OLD.user_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM users_authz_refresh(NEW.user_id); END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER user_permissions_authz AFTER INSERT OR UPDATE OR DELETE ON user_permissions FOR EACH ROW EXECUTE FUNCTION users_authz_trigger();--> statement-breakpoint
CREATE TRIGGER user_units_authz AFTER INSERT OR UPDATE OR DELETE ON user_units FOR EACH ROW EXECUTE FUNCTION users_authz_trigger();--> statement-breakpoint
SELECT users_authz_refresh(id) FROM users WHERE id IN (SELECT user_id FROM user_permissions UNION SELECT user_id FROM user_units);
