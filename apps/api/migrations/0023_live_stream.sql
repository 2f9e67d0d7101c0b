-- The staff live stream (modules/live) reads the events table as a log every process can follow.
--
-- Ids come from a sequence, so a transaction can commit an event with a smaller id after a
-- reader has passed a larger one: ids alone cannot say "everything before this was read". The
-- id of the transaction that wrote each event can: every event written by a transaction older
-- than a snapshot's xmin is visible in that snapshot (modules/live/domain/cursor.ts).
ALTER TABLE events ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX events_by_tx ON events (tenant_id, tx, id);

-- Wakes each process's stream listener, once per tenant per statement (delivered at commit).
CREATE FUNCTION notify_stream() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('frontdesk_stream', t.tenant_id::text) FROM (SELECT DISTINCT tenant_id FROM new_events) t;
  RETURN NULL;
END $$;
CREATE TRIGGER events_stream_notify AFTER INSERT ON events REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION notify_stream();

-- Facts only the stream needs (the calendar shows holds; the inbox shows who handles a
-- conversation): written already relayed, so the bus's consumers (outgoing webhooks among them)
-- do not receive them. Dropping `relayed_at` here would make them bus events.
CREATE FUNCTION publish_hold_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  h holds := CASE TG_OP WHEN 'INSERT' THEN NEW ELSE OLD END;
BEGIN
  INSERT INTO events (tenant_id, type, subject_id, data, relayed_at)
  VALUES (h.tenant_id, CASE TG_OP WHEN 'INSERT' THEN 'hold.placed' ELSE 'hold.released' END, h.id,
          jsonb_build_object('serviceId', h.service_id, 'startAt', h.start_at, 'endAt', h.end_at,
                             'resourceIds', to_jsonb(h.resource_ids), 'expiresAt', h.expires_at), now());
  RETURN NULL;
END $$;
CREATE TRIGGER holds_publish AFTER INSERT OR DELETE ON holds FOR EACH ROW EXECUTE FUNCTION publish_hold_event();

CREATE FUNCTION publish_conversation_handler() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (tenant_id, type, subject_id, data, relayed_at)
  VALUES (NEW.tenant_id, CASE NEW.handled_by WHEN 'human' THEN 'conversation.taken_over' ELSE 'conversation.handed_back' END, NEW.id,
          jsonb_build_object('conversationId', NEW.id, 'handledBy', NEW.handled_by, 'humanUntil', NEW.human_until), now());
  RETURN NULL;
END $$;
CREATE TRIGGER conversations_handler_publish AFTER UPDATE OF handled_by, human_until ON conversations
  FOR EACH ROW WHEN (OLD.handled_by IS DISTINCT FROM NEW.handled_by OR OLD.human_until IS DISTINCT FROM NEW.human_until)
  EXECUTE FUNCTION publish_conversation_handler();
