-- Issue 13: the desk's decisions become the permission DESK_RECEIVE (ADR 0015). Officers who had
-- the desk role before (assigned to an active one-stop desk or service-centre unit) keep it; a
-- Vietnam Post account at such a desk gets POSTAL_DESK instead (takes papers in, hands results over).
INSERT INTO user_permissions (user_id, permission, granted_at)
SELECT DISTINCT u.id, CASE WHEN u.issuer = 'VNPOST' THEN 'POSTAL_DESK' ELSE 'DESK_RECEIVE' END, now()
FROM users u
JOIN user_units uu ON uu.user_id = u.id
JOIN agencies a ON a.id = uu.agency_id
WHERE u.kind = 'officer' AND a.status = 'active' AND a.kind IN ('one_stop_desk', 'service_centre')
ON CONFLICT DO NOTHING;
