-- variant_details() (20261205000000_product_details says what it is for) without the variant's
-- created and updated times (issue 14): the API never shows them, and turning two timestamps
-- into JSON text was about a quarter of the function's cost, which a listing pays for each of its
-- variants (0.35 of 1.3 ms for a catalog page's 153 variants, options aside). product_details()
-- calls it, so its variants lose them too. Written as the function it replaces: a U& string whose
-- one semicolon is !003B, literals dollar-quoted.
CREATE OR REPLACE FUNCTION "variant_details"(ids uuid[])
RETURNS TABLE ("variantId" uuid, "productId" uuid, "position" integer, details json)
LANGUAGE plpgsql STABLE AS U&'
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT v.id, v.product_id, v.position, json_build_object(
           $$id$$, v.id, $$productId$$, v.product_id, $$sku$$, v.sku, $$title$$, v.title, $$price$$, v.price,
           $$compareAtPrice$$, v.compare_at_price, $$currency$$, v.currency, $$weightGrams$$, v.weight_grams,
           $$active$$, v.active, $$position$$, v.position,
           $$options$$, coalesce((
             SELECT json_agg(json_build_object($$name$$, o.name, $$value$$, ov.value) ORDER BY o.position, o.name)
               FROM variant_option_value vov
               JOIN product_option_value ov ON ov.id = vov.option_value_id
               JOIN product_option o ON o.id = ov.option_id
              WHERE vov.variant_id = v.id), $$[]$$::json),
           $$inventory$$, (
             SELECT json_build_object($$onHand$$, i.on_hand, $$reserved$$, i.reserved,
                                      $$reorderThreshold$$, i.reorder_threshold, $$location$$, i.location)
               FROM inventory_level i WHERE i.variant_id = v.id))
    FROM unnest(ids) AS k(id) JOIN product_variant v ON v.id = k.id!003B
END' UESCAPE '!';
