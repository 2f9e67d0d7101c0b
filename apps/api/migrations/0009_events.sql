-- The internal event bus: facts written in the same transaction as the change they describe,
-- relayed to each subscribing module's job queue (platform/events/bus.ts).

CREATE TABLE events (
  tenant_id    uuid NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  type         text NOT NULL,
  subject_id   uuid,                       -- the booking, lead, ticket… the event is about
  data         jsonb NOT NULL DEFAULT '{}',
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  relayed_at   timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX events_unrelayed ON events (id) WHERE relayed_at IS NULL;
CREATE INDEX events_by_subject ON events (tenant_id, subject_id, id);

CREATE FUNCTION notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('frontdesk_events', '');
  RETURN NULL;
END $$;
CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION notify_events();

-- Every way a booking changes (HTTP, the assistant, series, seats, status updates) is one of a few
-- statements on this table; the trigger makes each of them publish its event in the same
-- transaction without each path having to remember.
CREATE FUNCTION publish_booking_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text;
  extra jsonb := '{}';
BEGIN
  IF TG_OP = 'INSERT' THEN
    kind := 'booking.created';
  ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
    kind := CASE NEW.status WHEN 'cancelled' THEN 'booking.cancelled' ELSE 'booking.status_changed' END;
    extra := jsonb_build_object('previousStatus', OLD.status);
  ELSIF NEW.start_at IS DISTINCT FROM OLD.start_at OR NEW.end_at IS DISTINCT FROM OLD.end_at
        OR NEW.resource_ids IS DISTINCT FROM OLD.resource_ids THEN
    kind := 'booking.rescheduled';
    extra := jsonb_build_object('previousStartAt', OLD.start_at);
  ELSE
    RETURN NULL;
  END IF;
  INSERT INTO events (tenant_id, type, subject_id, data)
  VALUES (NEW.tenant_id, kind, NEW.id,
          jsonb_build_object('status', NEW.status, 'startAt', NEW.start_at, 'endAt', NEW.end_at,
                             'serviceId', NEW.service_id, 'sourceChannel', NEW.source_channel) || extra);
  RETURN NULL;
END $$;
CREATE TRIGGER bookings_publish AFTER INSERT OR UPDATE ON bookings FOR EACH ROW EXECUTE FUNCTION publish_booking_event();

-- Every message written (the customer's, the assistant's, a person's): the lead timeline, response
-- timers and outgoing webhooks follow conversations through these. The text stays in messages.
CREATE FUNCTION publish_message_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (tenant_id, type, subject_id, data, occurred_at)
  SELECT NEW.tenant_id, CASE NEW.direction WHEN 'in' THEN 'message.received' ELSE 'message.sent' END, NEW.conversation_id,
         jsonb_build_object('messageId', NEW.id, 'conversationId', NEW.conversation_id, 'author', NEW.author,
                            'contactId', c.contact_id, 'channel', c.channel, 'channelId', c.channel_id, 'seq', NEW.seq),
         coalesce(NEW.sent_at, NEW.created_at)
    FROM conversations c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.conversation_id;
  RETURN NULL;
END $$;
CREATE TRIGGER messages_publish AFTER INSERT ON messages FOR EACH ROW EXECUTE FUNCTION publish_message_event();
