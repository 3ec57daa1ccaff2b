-- Hand-written: each statement that adds outbox events notifies the channel outbox_<schema> when
-- its transaction commits (never before, never on rollback), so that the relay publishes at once
-- instead of at its next poll. The body's semicolons are written \003B: the migration runner
-- splits scripts at every semicolon.
CREATE FUNCTION "outbox_event_notify"() RETURNS trigger LANGUAGE plpgsql
  AS U&'BEGIN PERFORM pg_notify(''outbox_'' || TG_TABLE_SCHEMA, '''')\003B RETURN NULL\003B END';
CREATE TRIGGER "outbox_event_notify" AFTER INSERT ON "outbox_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "outbox_event_notify"();
