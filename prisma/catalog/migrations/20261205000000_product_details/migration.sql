-- What the API shows of products and variants besides the product row, in one statement each
-- (issue 14, subgraphs/catalog/loaders.ts reads them), as JSON in the order the API lists it:
-- variant_details() a set of variants, each with its chosen option values and its stock (a cart's
-- lines), product_details() a set of products, each with its variants as variant_details() gives
-- them, its images, its options with their values and its categories' ids (a listing, a product
-- page). Read through Prisma's models a listing ran nine statements for this and a cart's variants
-- five, each compiled by Prisma's query compiler: most of the cost of a product page. A PL/pgSQL function because each connection keeps its plan (Prisma's statements are
-- unnamed, so planned anew at every call). Prisma's pg adapter splits a migration at every
-- semicolon, quoted or not: so the body is a U& string whose one semicolon is written !003B, and
-- the literals in it are dollar-quoted.
CREATE FUNCTION "variant_details"(ids uuid[])
RETURNS TABLE ("variantId" uuid, "productId" uuid, "position" integer, details json)
LANGUAGE plpgsql STABLE AS U&'
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT v.id, v.product_id, v.position, json_build_object(
           $$id$$, v.id, $$productId$$, v.product_id, $$sku$$, v.sku, $$title$$, v.title, $$price$$, v.price,
           $$compareAtPrice$$, v.compare_at_price, $$currency$$, v.currency, $$weightGrams$$, v.weight_grams,
           $$active$$, v.active, $$position$$, v.position, $$createdAt$$, v.created_at, $$updatedAt$$, v.updated_at,
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

CREATE FUNCTION "product_details"(ids uuid[])
RETURNS TABLE ("productId" uuid, details json)
LANGUAGE plpgsql STABLE AS U&'
BEGIN
  RETURN QUERY
  WITH variants AS (
    SELECT d."productId", json_agg(d.details ORDER BY d."position", d."variantId") AS list
      FROM variant_details(ARRAY(SELECT v.id FROM unnest(ids) AS k(id) JOIN product_variant v ON v.product_id = k.id)) d
     GROUP BY d."productId"
  )
  SELECT p.id, json_build_object(
    $$variants$$, coalesce(vs.list, $$[]$$::json),
    $$images$$, coalesce((
      SELECT json_agg(json_build_object($$id$$, im.id, $$productId$$, im.product_id, $$url$$, im.url, $$altText$$, im.alt_text,
                                        $$position$$, im.position, $$createdAt$$, im.created_at) ORDER BY im.position, im.id)
        FROM product_image im WHERE im.product_id = p.id), $$[]$$::json),
    $$options$$, coalesce((
      SELECT json_agg(json_build_object($$id$$, o.id, $$name$$, o.name, $$position$$, o.position, $$values$$, coalesce((
               SELECT json_agg(ov.value ORDER BY ov.position, ov.value) FROM product_option_value ov WHERE ov.option_id = o.id), $$[]$$::json))
             ORDER BY o.position, o.name)
        FROM product_option o WHERE o.product_id = p.id), $$[]$$::json),
    $$categoryIds$$, coalesce((SELECT json_agg(pc.category_id) FROM product_category pc WHERE pc.product_id = p.id), $$[]$$::json))
  FROM unnest(ids) AS k(id) JOIN product p ON p.id = k.id LEFT JOIN variants vs ON vs."productId" = p.id!003B
END' UESCAPE '!';
