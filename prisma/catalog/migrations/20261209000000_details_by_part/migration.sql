-- A product's details read by the parts a request shows (issue 14). product_details(ids) answered
-- everything shown of a product besides its row, whatever the request showed: a catalog page of
-- 20 products that shows their variants' prices and stock read their variants' chosen options,
-- their images with their times, their options and category links too (88 kB of JSON, about 7 ms
-- in psql on a 2 vCPU machine, 3 ms for the variants alone). product_details(ids, parts) reads only the parts named:
-- variants (with their stock), variant_options (the variants' chosen option values, with variants),
-- images, options, categories. A part not named is null. variant_details(ids, with_options) is
-- variant_details(ids) with the chosen options read only when asked (null otherwise), and
-- variant_entities(), the other caller of variant_details(ids), calls it with them. An image's JSON
-- leaves out its created time, which the API never shows. Written as the functions they replace: U&
-- strings whose one semicolon each is !003B, literals dollar-quoted.
CREATE FUNCTION "variant_details"(ids uuid[], with_options boolean)
RETURNS TABLE ("variantId" uuid, "productId" uuid, "position" integer, details json)
LANGUAGE plpgsql STABLE AS U&'
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH v AS MATERIALIZED (SELECT v.* FROM unnest(ids) AS k(id) JOIN product_variant v ON v.id = k.id),
  vals AS MATERIALIZED (
    SELECT ov.id, o.name, ov.value, o.position AS opos
      FROM (SELECT DISTINCT v.product_id FROM v WHERE with_options) pr JOIN product_option o ON o.product_id = pr.product_id
      JOIN product_option_value ov ON ov.option_id = o.id),
  chosen AS (
    SELECT vov.variant_id, json_agg(json_build_object($$name$$, x.name, $$value$$, x.value) ORDER BY x.opos, x.name) AS list
      FROM (SELECT DISTINCT v.id FROM v WHERE with_options) w JOIN variant_option_value vov ON vov.variant_id = w.id
      JOIN vals x ON x.id = vov.option_value_id
     GROUP BY vov.variant_id)
  SELECT v.id, v.product_id, v.position, json_build_object(
           $$id$$, v.id, $$productId$$, v.product_id, $$sku$$, v.sku, $$title$$, v.title, $$price$$, v.price,
           $$compareAtPrice$$, v.compare_at_price, $$currency$$, v.currency, $$weightGrams$$, v.weight_grams,
           $$active$$, v.active, $$position$$, v.position,
           $$options$$, CASE WHEN with_options THEN coalesce(c.list, $$[]$$::json) END,
           $$inventory$$, (
             SELECT json_build_object($$onHand$$, i.on_hand, $$reserved$$, i.reserved,
                                      $$reorderThreshold$$, i.reorder_threshold, $$location$$, i.location)
               FROM inventory_level i WHERE i.variant_id = v.id))
    FROM v LEFT JOIN chosen c ON c.variant_id = v.id!003B
END' UESCAPE '!';

CREATE OR REPLACE FUNCTION "variant_entities"(ids uuid[])
RETURNS TABLE (details json, id uuid, slug varchar, name varchar, description varchar, brand varchar, active boolean,
               "minPrice" integer, "createdAt" timestamptz, "updatedAt" timestamptz, "deletedAt" timestamptz, categories json)
LANGUAGE plpgsql STABLE AS U&'
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT d.details, p.id, p.slug, p.name, p.description, p.brand, p.active, p.min_price, p.created_at, p.updated_at, p.deleted_at,
         coalesce((SELECT json_agg(json_build_object($$id$$, c.id, $$slug$$, c.slug, $$name$$, c.name, $$parentId$$, c.parent_id,
                                            $$sortOrder$$, c.sort_order, $$createdAt$$, c.created_at, $$updatedAt$$, c.updated_at))
                     FROM product_category pc JOIN category c ON c.id = pc.category_id WHERE pc.product_id = p.id), $$[]$$::json)
    FROM variant_details(ids, true) d JOIN product p ON p.id = d."productId"!003B
END' UESCAPE '!';

DROP FUNCTION "product_details"(uuid[]);
DROP FUNCTION "variant_details"(uuid[]);

CREATE FUNCTION "product_details"(ids uuid[], parts text[])
RETURNS TABLE ("productId" uuid, details json)
LANGUAGE plpgsql STABLE AS U&'
BEGIN
  RETURN QUERY
  WITH variants AS (
    SELECT d."productId", json_agg(d.details ORDER BY d."position", d."variantId") AS list
      FROM variant_details(ARRAY(SELECT v.id FROM unnest(ids) AS k(id) JOIN product_variant v ON v.product_id = k.id
                                  WHERE $$variants$$ = ANY(parts)),
                           $$variant_options$$ = ANY(parts)) d
     GROUP BY d."productId"
  )
  SELECT p.id, json_build_object(
    $$variants$$, CASE WHEN $$variants$$ = ANY(parts) THEN coalesce(vs.list, $$[]$$::json) END,
    $$images$$, CASE WHEN $$images$$ = ANY(parts) THEN coalesce((
      SELECT json_agg(json_build_object($$id$$, im.id, $$productId$$, im.product_id, $$url$$, im.url, $$altText$$, im.alt_text,
                                        $$position$$, im.position) ORDER BY im.position, im.id)
        FROM product_image im WHERE im.product_id = p.id), $$[]$$::json) END,
    $$options$$, CASE WHEN $$options$$ = ANY(parts) THEN coalesce((
      SELECT json_agg(json_build_object($$id$$, o.id, $$name$$, o.name, $$position$$, o.position, $$values$$, coalesce((
               SELECT json_agg(ov.value ORDER BY ov.position, ov.value) FROM product_option_value ov WHERE ov.option_id = o.id), $$[]$$::json))
             ORDER BY o.position, o.name)
        FROM product_option o WHERE o.product_id = p.id), $$[]$$::json) END,
    $$categoryIds$$, CASE WHEN $$categories$$ = ANY(parts) THEN
      coalesce((SELECT json_agg(pc.category_id) FROM product_category pc WHERE pc.product_id = p.id), $$[]$$::json) END)
  FROM unnest(ids) AS k(id) JOIN product p ON p.id = k.id LEFT JOIN variants vs ON vs."productId" = p.id!003B
END' UESCAPE '!';
