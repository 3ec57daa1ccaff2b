-- Version history of every mutable entity (SPEC §3: who, when, what changed), kept by the
-- database itself so that no write path can forget it: lib/versions.ts says how it is read, who
-- writes it and why some tables have none.
-- CreateEnum
CREATE TYPE "version_operation" AS ENUM ('INSERT', 'UPDATE', 'DELETE');

-- CreateTable
CREATE TABLE "entity_version" (
    "id" BIGSERIAL NOT NULL,
    "entity" VARCHAR(63) NOT NULL,
    "entity_id" VARCHAR(300) NOT NULL,
    "root_id" VARCHAR(100) NOT NULL,
    "operation" "version_operation" NOT NULL,
    "actor" VARCHAR(160) NOT NULL,
    "request_id" VARCHAR(100),
    "changes" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entity_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "entity_version_root_id_id_idx" ON "entity_version"("root_id", "id");

-- CreateIndex
CREATE INDEX "entity_version_entity_entity_id_id_idx" ON "entity_version"("entity", "entity_id", "id");

-- CreateIndex
CREATE INDEX "entity_version_actor_idx" ON "entity_version"("actor");


-- Hand-written from here. Bodies are U&'' strings with their semicolons written \003B: the
-- migration runner splits at every one.
--
-- An earlier version's values of the columns an erasure rewrites become "(erased)" (the pair
-- {"from", "to"} of each such column), null staying null.
CREATE FUNCTION "entity_version_erased"(changes jsonb, erased jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE
  AS U&'SELECT jsonb_object_agg(c.key, CASE WHEN erased ? c.key THEN jsonb_build_object( ''from'', CASE WHEN c.value->''from'' = ''null'' THEN ''null''::jsonb ELSE ''"(erased)"''::jsonb END, ''to'', CASE WHEN c.value->''to'' = ''null'' THEN ''null''::jsonb ELSE ''"(erased)"''::jsonb END) ELSE c.value END) FROM jsonb_each(changes) c';

-- record_version(root column, key column, ..., '-excluded column', ...): one entity_version row
-- per row written, with the columns that changed ({"column": {"from": …, "to": …}}, updated_at and
-- the excluded columns left out, an UPDATE that changes nothing else records nothing), the actor
-- and request id the writer set for its transaction (commerce.actor, commerce.request_id:
-- lib/db.ts), and the root the API shows it under. Under commerce.erasure the values replaced are
-- erased from the row's earlier versions too, and under commerce.retention a deleted row takes its
-- versions with it. It names its own schema's tables: writers' search paths differ.
CREATE FUNCTION "record_version"() RETURNS trigger LANGUAGE plpgsql
  AS U&'DECLARE old_row jsonb\003B new_row jsonb\003B excluded text[]\003B row_key text\003B row_root text\003B changed jsonb\003B BEGIN SELECT coalesce(array_agg(substr(a, 2)), ''{}'') || ''{updated_at}'' INTO excluded FROM unnest(TG_ARGV[1:]) a WHERE a LIKE ''-%''\003B IF TG_OP <> ''INSERT'' THEN old_row := to_jsonb(OLD) - excluded\003B END IF\003B IF TG_OP <> ''DELETE'' THEN new_row := to_jsonb(NEW) - excluded\003B END IF\003B SELECT string_agg(coalesce(new_row, old_row)->>a, '':'' ORDER BY n) INTO row_key FROM unnest(TG_ARGV[1:]) WITH ORDINALITY AS k(a, n) WHERE a NOT LIKE ''-%''\003B row_root := coalesce(coalesce(new_row, old_row)->>TG_ARGV[0], row_key)\003B IF TG_OP = ''DELETE'' AND current_setting(''commerce.retention'', true) = ''on'' THEN DELETE FROM "promotion".entity_version WHERE entity = TG_TABLE_NAME AND entity_id = row_key\003B RETURN NULL\003B END IF\003B SELECT jsonb_object_agg(c.field, jsonb_build_object(''from'', c.before, ''to'', c.after)) INTO changed FROM (SELECT coalesce(n.key, o.key) AS field, coalesce(o.value, ''null'') AS before, coalesce(n.value, ''null'') AS after FROM jsonb_each(coalesce(new_row, ''{}'')) n FULL JOIN jsonb_each(coalesce(old_row, ''{}'')) o ON o.key = n.key) c WHERE c.before <> c.after\003B IF changed IS NULL THEN RETURN NULL\003B END IF\003B IF current_setting(''commerce.erasure'', true) = ''on'' THEN UPDATE "promotion".entity_version v SET changes = "promotion".entity_version_erased(v.changes, changed) WHERE v.entity = TG_TABLE_NAME AND v.entity_id = row_key AND v.changes ?| ARRAY(SELECT jsonb_object_keys(changed))\003B SELECT jsonb_object_agg(c.key, jsonb_build_object(''from'', CASE WHEN c.value->''from'' = ''null'' THEN ''null''::jsonb ELSE ''"(erased)"''::jsonb END, ''to'', c.value->''to'')) INTO changed FROM jsonb_each(changed) c\003B END IF\003B INSERT INTO "promotion".entity_version (entity, entity_id, root_id, operation, actor, request_id, changes) VALUES (TG_TABLE_NAME, row_key, row_root, TG_OP::text::"promotion"."version_operation", coalesce(nullif(current_setting(''commerce.actor'', true), ''''), ''unattributed''), nullif(current_setting(''commerce.request_id'', true), ''''), changed)\003B RETURN NULL\003B END';

-- Versions are append-only, except as an erasure or a retention purge changes them (above).
CREATE FUNCTION "entity_version_append_only"() RETURNS trigger LANGUAGE plpgsql
  AS U&'BEGIN IF TG_OP = ''UPDATE'' AND current_setting(''commerce.erasure'', true) = ''on'' THEN RETURN NULL\003B END IF\003B IF TG_OP = ''DELETE'' AND current_setting(''commerce.retention'', true) = ''on'' THEN RETURN NULL\003B END IF\003B RAISE EXCEPTION ''entity versions are append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\003B END';
CREATE TRIGGER "entity_version_append_only" BEFORE UPDATE OR DELETE ON "entity_version"
  FOR EACH STATEMENT EXECUTE FUNCTION "entity_version_append_only"();
CREATE TRIGGER "entity_version_no_truncate" BEFORE TRUNCATE ON "entity_version"
  FOR EACH STATEMENT EXECUTE FUNCTION "entity_version_append_only"();

CREATE TRIGGER "promotion_versions" AFTER INSERT OR UPDATE OR DELETE ON "promotion"
  FOR EACH ROW EXECUTE FUNCTION "record_version"('id', 'id', '-reserved_count', '-confirmed_count');
CREATE TRIGGER "promotion_redemption_versions" AFTER INSERT OR UPDATE OR DELETE ON "promotion_redemption"
  FOR EACH ROW EXECUTE FUNCTION "record_version"('promotion_id', 'id');
CREATE TRIGGER "affiliate_partner_versions" AFTER INSERT OR UPDATE OR DELETE ON "affiliate_partner"
  FOR EACH ROW EXECUTE FUNCTION "record_version"('id', 'id');
CREATE TRIGGER "affiliate_attribution_versions" AFTER INSERT OR UPDATE OR DELETE ON "affiliate_attribution"
  FOR EACH ROW EXECUTE FUNCTION "record_version"('partner_id', 'id');
