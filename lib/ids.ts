const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are opaque to clients but UUIDs inside; anything else cannot name a row. */
export const isUuid = (id: string): boolean => UUID.test(id);
