-- A cart's last activity moves with every change of its lines and codes, which have versions of
-- their own: it is left out of the cart's versions, as the other hot bookkeeping columns are, so
-- that a change records one version per row it really changes, not one more for the cart's clock.
DROP TRIGGER "cart_versions" ON "cart";
CREATE TRIGGER "cart_versions" AFTER INSERT OR UPDATE OR DELETE ON "cart"
  FOR EACH ROW EXECUTE FUNCTION "record_version"('id', 'id', '-last_activity_at');
