-- What a change did: the object as the API showed it before and after (secrets redacted, personal
-- values detached into audit_values like the request body). Null where there is nothing to show
-- (a creation has no before, a deletion no after, an action on no readable object neither).
ALTER TABLE audit_log ADD COLUMN before jsonb, ADD COLUMN after jsonb;
