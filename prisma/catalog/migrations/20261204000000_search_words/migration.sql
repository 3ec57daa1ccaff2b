-- Search that forgives what shoppers type (issue 13): accents, hyphenated words, typos, synonyms.
-- Both extensions ship with Postgres (contrib) and embedded-postgres.
CREATE EXTENSION IF NOT EXISTS "unaccent" WITH SCHEMA "catalog";
CREATE EXTENSION IF NOT EXISTS "pg_trgm" WITH SCHEMA "catalog";

-- The search configuration documents and queries are both read with: English stemming, accents
-- dropped first (café is cafe).
CREATE TEXT SEARCH CONFIGURATION "shop" (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION "shop" ALTER MAPPING FOR hword, hword_part, word WITH "catalog"."unaccent", english_stem;

-- The hyphenated words of a text, each joined: 'T-Shirt, Button-Down' gives 'TShirt ButtonDown', so
-- that t-shirt, tshirt and t shirt meet one word.
CREATE FUNCTION "search_compounds"(content text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS 'SELECT coalesce(string_agg(replace(m[1], ''-'', ''''), '' ''), '''') FROM regexp_matches(content, ''([[:alnum:]]+(-[[:alnum:]]+)+)'', ''g'') AS m';

-- The names of a product's categories and of every category above them: a search for knitwear or
-- kids finds what is filed there.
CREATE FUNCTION "product_category_names"(product uuid) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
  AS 'WITH RECURSIVE up AS (SELECT c.id, c.name, c.parent_id FROM "catalog".product_category pc JOIN "catalog".category c ON c.id = pc.category_id WHERE pc.product_id = product UNION SELECT c.id, c.name, c.parent_id FROM "catalog".category c JOIN up ON c.id = up.parent_id) SELECT coalesce(string_agg(DISTINCT name, '' ''), '''') FROM up';

-- A product's search document: name and SKUs weigh most, then brand and categories, then
-- description, each with its hyphenated words joined as well (product-aggregate.ts keeps it).
CREATE FUNCTION "product_search_document"(name text, skus text, brand text, description text, categories text) RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE
  AS 'SELECT setweight(to_tsvector(''"catalog".shop'', name || '' '' || "catalog".search_compounds(name)), ''A'') || setweight(to_tsvector(''"catalog".shop'', coalesce(skus, '''')), ''A'') || setweight(to_tsvector(''"catalog".shop'', coalesce(brand, '''') || '' '' || "catalog".search_compounds(coalesce(brand, '''')) || '' '' || categories || '' '' || "catalog".search_compounds(categories)), ''B'') || setweight(to_tsvector(''"catalog".shop'', description || '' '' || "catalog".search_compounds(description)), ''C'')';

-- The words of a text as the vocabulary keeps them: lower case, unaccented, letters and digits, with
-- the joined hyphenated words.
CREATE FUNCTION "search_words"(content text) RETURNS SETOF text LANGUAGE sql STABLE PARALLEL SAFE
  AS 'SELECT DISTINCT w FROM regexp_split_to_table(lower("catalog".unaccent(content || '' '' || "catalog".search_compounds(content))), ''[^[:alnum:]]+'') AS w WHERE length(w) BETWEEN 2 AND 100';

-- What a search asks of the vocabulary before it runs (search-vocabulary.ts), in one call: for each
-- key, whether the catalog knows it (joined: as a word, typed: as the beginning of a word, word: a
-- word beginning with its English stem), and when it does not and asks, the nearest words, most
-- similar first, and each phrase as phraseto_tsquery parses it. A PL/pgSQL function: each
-- connection keeps its plans, where the same statement sent as Prisma sends it (unnamed) was
-- planned anew each time, at several times the cost of running it. Written after the table.

-- CreateEnum
CREATE TYPE "search_synonym_kind" AS ENUM ('TWO_WAY', 'ONE_WAY');

-- CreateTable
CREATE TABLE "search_word" (
    "word" VARCHAR(100) NOT NULL,

    CONSTRAINT "search_word_pkey" PRIMARY KEY ("word")
);

-- CreateTable
CREATE TABLE "search_synonym" (
    "id" UUID NOT NULL,
    "kind" "search_synonym_kind" NOT NULL,
    "terms" VARCHAR(100)[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "search_synonym_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "search_word_trgm_idx" ON "search_word" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "search_synonym_created_at_id_idx" ON "search_synonym"("created_at", "id");

CREATE FUNCTION "search_lookup"(keys text[], kinds text[], corrects boolean[], phrases text[]) RETURNS json LANGUAGE plpgsql STABLE
  AS U&'BEGIN RETURN json_build_object(''found'', (SELECT coalesce(json_agg(json_build_object(''known'', f.known, ''near'', f.near) ORDER BY f.i), ''[]''::json) FROM (SELECT t.i, k.known, n.near FROM unnest(keys, kinds, corrects) WITH ORDINALITY AS t(key, kind, correct, i) CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM "catalog".search_word w WHERE CASE t.kind WHEN ''joined'' THEN w.word = t.key WHEN ''typed'' THEN w.word LIKE t.key || ''%'' ELSE w.word LIKE coalesce((ts_lexize(''english_stem'', t.key))[1], t.key) || ''%'' END) AS known) k CROSS JOIN LATERAL (SELECT ARRAY(SELECT w.word FROM "catalog".search_word w WHERE t.correct AND NOT k.known AND (w.word OPERATOR("catalog".%) t.key OR (w.word LIKE left(t.key, 2) || ''%'' AND length(w.word) BETWEEN length(t.key) - 2 AND length(t.key) + 2)) ORDER BY "catalog".similarity(w.word, t.key) DESC, w.word LIMIT 20) AS near) n) f), ''texts'', ARRAY(SELECT phraseto_tsquery(''"catalog".shop'', x.p)::text FROM unnest(phrases) WITH ORDINALITY AS x(p, i) ORDER BY x.i))\003B END';

CREATE TRIGGER "search_synonym_versions" AFTER INSERT OR UPDATE OR DELETE ON "search_synonym"
  FOR EACH ROW EXECUTE FUNCTION "record_version"('id', 'id');

-- Every product's document read again with the new configuration, and the vocabulary filled.
UPDATE "product" p SET search_vector = "catalog".product_search_document(p.name, d.skus, p.brand, p.description, "catalog".product_category_names(p.id))
  FROM (SELECT p2.id, string_agg(v.sku, ' ') AS skus FROM "product" p2 LEFT JOIN "product_variant" v ON v.product_id = p2.id GROUP BY p2.id) d
 WHERE p.id = d.id;
INSERT INTO "search_word" (word)
SELECT DISTINCT w FROM "product" p, "catalog".search_words(p.name || ' ' || coalesce(p.brand, '') || ' ' || p.description || ' ' || "catalog".product_category_names(p.id)) AS w
 WHERE p.deleted_at IS NULL
ON CONFLICT DO NOTHING;
