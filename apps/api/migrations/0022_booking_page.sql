-- The public booking page (/book/<tenant>): each booking made there has a secret manage link,
-- stored only as the SHA-256 of its token, and the contact it was made for; settings per tenant.

CREATE TABLE booking_page_bookings (
  tenant_id    uuid NOT NULL,
  booking_id   uuid NOT NULL,
  token_hash   text NOT NULL,
  contact_id   uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, booking_id),
  FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings (tenant_id, id) ON DELETE CASCADE,
  -- A merge deletes the other contact record: the link only forgets it.
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE SET NULL (contact_id)
);
-- The manage link carries the token alone, without the tenant (like a calendar feed's).
CREATE UNIQUE INDEX booking_page_bookings_by_token ON booking_page_bookings (token_hash);
SELECT isolate_tenant_table('booking_page_bookings');

CREATE TABLE booking_page_settings (
  tenant_id   uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  settings    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
SELECT isolate_tenant_table('booking_page_settings');

-- Consent ticked by the customer on the booking page is recorded as the customer's own.
ALTER TABLE contact_consents DROP CONSTRAINT contact_consents_recorded_by_check;
ALTER TABLE contact_consents ADD CONSTRAINT contact_consents_recorded_by_check
  CHECK (recorded_by IN ('assistant', 'staff', 'customer'));
