// Test helpers for affiliates: admin calls through the gateway and clicks from distinct clients.
// The API answers global ids; the rows hold raw UUIDs: rawPartnerId and rawClickId convert.
import { randomUUID } from 'node:crypto';
import { globalId, rawIdOf } from '../../../lib/global-id.js';
import type { GraphQLClient } from '../../../test/harness.js';
import type { UserErrorView } from '../promotion-fixtures.js';

/** The partner's row id (affiliate_partner.id, partner_id) inside an AffiliatePartner id the API answered. */
export const rawPartnerId = (id: string): string => rawIdOf('AffiliatePartner', id, 'partnerId');

/** The click's row id (affiliate_click.id, click_id) inside an AffiliateClick id the API answered. */
export const rawClickId = (id: string): string => rawIdOf('AffiliateClick', id, 'clickId');

/** A well-formed AffiliatePartner id that no partner has. */
export const unknownPartnerId = (): string => globalId('AffiliatePartner', randomUUID());

export const PARTNER_FIELDS = 'id code name commissionRate active createdAt updatedAt';

export interface PartnerPayloadView {
  partner: Record<string, any> | null;
  userErrors: UserErrorView[];
}

export function affiliateAdmin(client: GraphQLClient) {
  const mutate = async <T>(query: string, variables: Record<string, unknown>, key: string): Promise<T> => (await client.query<Record<string, T>>(query, variables))[key]!;
  return {
    create: (input: Record<string, unknown>) =>
      mutate<PartnerPayloadView>(
        `mutation($input: CreateAffiliatePartnerInput!) { createAffiliatePartner(input: $input) { partner { ${PARTNER_FIELDS} } userErrors { field message code } } }`,
        { input },
        'createAffiliatePartner',
      ),
    update: (id: string, input: Record<string, unknown>) =>
      mutate<PartnerPayloadView>(
        `mutation($id: ID!, $input: UpdateAffiliatePartnerInput!) { updateAffiliatePartner(id: $id, input: $input) { partner { ${PARTNER_FIELDS} } userErrors { field message code } } }`,
        { id, input },
        'updateAffiliatePartner',
      ),
    deactivate: (id: string) =>
      mutate<PartnerPayloadView>(
        `mutation($id: ID!) { deactivateAffiliatePartner(id: $id) { partner { ${PARTNER_FIELDS} } userErrors { field message code } } }`,
        { id },
        'deactivateAffiliatePartner',
      ),
    /** Creates a partner and returns its id and code, failing on userErrors. */
    async createOk(input: Record<string, unknown>): Promise<{ id: string; code: string }> {
      const payload = await this.create(input);
      if (!payload.partner) throw new Error(`createAffiliatePartner refused: ${JSON.stringify(payload.userErrors)}`);
      return { id: payload.partner.id, code: payload.partner.code };
    },
  };
}

export const RECORD_CLICK = `mutation($input: RecordAffiliateClickInput!) {
  recordAffiliateClick(input: $input) { click { id url referrer createdAt partner { id } } userErrors { field message code } }
}`;

let lastOctet = 0;
/** A client address no other test uses, so each test has its own rate limit. */
export const nextAddress = () => `198.51.100.${++lastOctet % 250}, 10.0.0.1`;

/** Records a click as a client behind a load balancer with the given x-forwarded-for. */
export async function recordClick(client: GraphQLClient, input: Record<string, unknown>, forwardedFor = nextAddress()) {
  const res = await client.request<{ recordAffiliateClick: { click: Record<string, any> | null; userErrors: UserErrorView[] } }>(RECORD_CLICK, { input }, { 'x-forwarded-for': forwardedFor });
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
  return res.data.recordAffiliateClick;
}
