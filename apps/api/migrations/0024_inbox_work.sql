-- The inbox as a team's work queue: who a conversation is assigned to, its tags, and private
-- notes between staff (never sent to the customer).

-- The assignee is a member of the tenant; removing the member unassigns (only that column clears).
ALTER TABLE conversations ADD COLUMN assignee_id uuid,
  ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
  ADD CONSTRAINT conversations_assignee_member FOREIGN KEY (tenant_id, assignee_id)
    REFERENCES memberships (tenant_id, user_id) ON DELETE SET NULL (assignee_id);
CREATE INDEX conversations_by_assignee ON conversations (tenant_id, assignee_id, last_message_at DESC);
CREATE INDEX conversations_by_tag ON conversations USING gin (tags);

-- Note text is personal data: stored encrypted by the application (platform/crypto/fields.ts).
CREATE TABLE conversation_notes (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  conversation_id  uuid NOT NULL,
  author_id        uuid,
  text             text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX conversation_notes_by_conversation ON conversation_notes (tenant_id, conversation_id, created_at);
SELECT isolate_tenant_table('conversation_notes');

-- Assignment and tags go to the staff live stream (the inbox's lists re-read), not to the bus.
CREATE FUNCTION publish_conversation_work() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (tenant_id, type, subject_id, data, relayed_at)
  VALUES (NEW.tenant_id, CASE WHEN OLD.assignee_id IS DISTINCT FROM NEW.assignee_id THEN 'conversation.assigned' ELSE 'conversation.tagged' END,
          NEW.id, jsonb_build_object('conversationId', NEW.id, 'assigneeId', NEW.assignee_id), now());
  RETURN NULL;
END $$;
CREATE TRIGGER conversations_work_publish AFTER UPDATE OF assignee_id, tags ON conversations
  FOR EACH ROW WHEN (OLD.assignee_id IS DISTINCT FROM NEW.assignee_id OR OLD.tags IS DISTINCT FROM NEW.tags)
  EXECUTE FUNCTION publish_conversation_work();
