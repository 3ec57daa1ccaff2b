-- Hand-written: the history stays append-only, except that an erasure (lib/personal-data.ts, which
-- sets commerce.erasure for its own transaction only) may replace a person's id in it by the
-- pseudonym. The body's semicolons are written \003B: the migration runner splits at every one.
CREATE OR REPLACE FUNCTION "subscription_event_append_only"() RETURNS trigger LANGUAGE plpgsql
  AS U&'BEGIN IF TG_OP = ''UPDATE'' AND current_setting(''commerce.erasure'', true) = ''on'' THEN RETURN NULL\003B END IF\003B RAISE EXCEPTION ''subscription history is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\003B END';
