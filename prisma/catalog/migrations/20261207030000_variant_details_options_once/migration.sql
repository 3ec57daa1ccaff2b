-- variant_details() (20261205000000_product_details says what it is for) answers the same for less
-- (issue 14). It leaves out the variant's created and updated times, which the API never shows and
-- whose JSON text was about a quarter of its cost. And it reads the option values of its variants'
-- products once (a few rows) and matches each variant's chosen values against them, instead of
-- three index look-ups per variant (a catalog page's 153 variants: 2.25 -> 2.0 ms, the times
-- aside). Otherwise the same answers, for each product's variants and for all variants at once,
-- repeated and unknown ids among them. product_details() calls it, so its variants lose the times
-- too. Written as the function it replaces: a U& string whose one semicolon is !003B, literals
-- dollar-quoted.
CREATE OR REPLACE FUNCTION "variant_details"(ids uuid[])
RETURNS TABLE ("variantId" uuid, "productId" uuid, "position" integer, details json)
LANGUAGE plpgsql STABLE AS U&'
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH v AS MATERIALIZED (SELECT v.* FROM unnest(ids) AS k(id) JOIN product_variant v ON v.id = k.id),
  vals AS MATERIALIZED (
    SELECT ov.id, o.name, ov.value, o.position AS opos
      FROM (SELECT DISTINCT v.product_id FROM v) pr JOIN product_option o ON o.product_id = pr.product_id
      JOIN product_option_value ov ON ov.option_id = o.id),
  chosen AS (
    SELECT vov.variant_id, json_agg(json_build_object($$name$$, x.name, $$value$$, x.value) ORDER BY x.opos, x.name) AS list
      FROM (SELECT DISTINCT v.id FROM v) w JOIN variant_option_value vov ON vov.variant_id = w.id JOIN vals x ON x.id = vov.option_value_id
     GROUP BY vov.variant_id)
  SELECT v.id, v.product_id, v.position, json_build_object(
           $$id$$, v.id, $$productId$$, v.product_id, $$sku$$, v.sku, $$title$$, v.title, $$price$$, v.price,
           $$compareAtPrice$$, v.compare_at_price, $$currency$$, v.currency, $$weightGrams$$, v.weight_grams,
           $$active$$, v.active, $$position$$, v.position,
           $$options$$, coalesce(c.list, $$[]$$::json),
           $$inventory$$, (
             SELECT json_build_object($$onHand$$, i.on_hand, $$reserved$$, i.reserved,
                                      $$reorderThreshold$$, i.reorder_threshold, $$location$$, i.location)
               FROM inventory_level i WHERE i.variant_id = v.id))
    FROM v LEFT JOIN chosen c ON c.variant_id = v.id!003B
END' UESCAPE '!';
