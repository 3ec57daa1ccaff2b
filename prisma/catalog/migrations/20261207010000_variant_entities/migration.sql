-- Variants reached on their own (a cart's or an order's lines, through the catalog's _entities)
-- with their product's row and its categories, in one statement (issue 14): other contexts ask
-- for a line's product name, status and categories with the variant, which took three statements
-- after variant_details() (the product, its category links, then the whole category tree). Each
-- row is variant_details()'s answer for one variant, then its product's columns as
-- subgraphs/catalog/loaders.ts PRODUCT_COLUMNS names them, then the product's categories (their
-- rows as JSON, the names the category loaders give them, in no particular order). A
-- PL/pgSQL function as the others, so that each connection keeps its plan: a U& string whose one
-- semicolon is !003B, literals dollar-quoted.
CREATE FUNCTION "variant_entities"(ids uuid[])
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
    FROM variant_details(ids) d JOIN product p ON p.id = d."productId"!003B
END' UESCAPE '!';
