-- Settings → Channels shows each channel's activity (GET /v1/channels: last event in, last send
-- out, sends failed in 7 days, last refused webhook call). These indexes answer each of those
-- per channel without reading the channel's whole history.
CREATE INDEX inbound_events_by_channel_time ON inbound_events (channel_id, received_at);
CREATE INDEX outbox_by_channel_status ON outbox (channel_id, status, updated_at);
CREATE INDEX webhook_rejections_by_channel ON webhook_rejections (channel_id, received_at) WHERE channel_id IS NOT NULL;
