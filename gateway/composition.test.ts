import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subgraphTypeDefs } from '../lib/subgraph-schema.js';
import { POSSIBLE_TYPES_PATH, SUPERGRAPH_PATH, composeSupergraph, possibleTypesOf } from './composition.js';

describe('supergraph composition', () => {
  it('the committed supergraph is exactly a fresh composition of schema/*.graphql', () => {
    const result = composeSupergraph();
    expect(result).not.toHaveProperty('errors');
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe((result as { supergraphSdl: string }).supergraphSdl);
  });

  it('the committed possible-types map is the composed API schema\'s interfaces and unions', () => {
    const result = composeSupergraph();
    if ('errors' in result) throw new Error(result.errors.join('\n'));
    const map = possibleTypesOf(result.apiSchema());
    expect(JSON.parse(readFileSync(POSSIBLE_TYPES_PATH, 'utf8'))).toEqual(map);
    expect(map.UserError).toEqual(['AffiliateUserError', 'CartUserError', 'CatalogUserError', 'OrderUserError', 'PromotionUserError', 'SubscriptionUserError']);
  });

  it('fails on a composition error instead of producing a supergraph', () => {
    // Two subgraphs disagreeing on a shared value type's field type cannot compose.
    const result = composeSupergraph((name) =>
      name === 'order' ? subgraphTypeDefs(name).replace(/(type Money\b[^}]*?)amount: SafeInt!/, '$1amount: String!') : subgraphTypeDefs(name),
    );
    expect(result).toHaveProperty('errors');
    expect((result as { errors: string[] }).errors.join('\n')).toMatch(/Money\.amount/);
  });

  it('keeps service-only operations out of the public API schema, and in the supergraph for the subgraphs', () => {
    const result = composeSupergraph();
    if ('errors' in result) throw new Error(result.errors.join('\n'));
    const api = result.apiSchema();
    const serviceOnly = {
      Query: ['evaluatePromotions'],
      Mutation: ['reserveInventory', 'commitInventoryReservation', 'releaseInventoryReservation', 'reservePromotionRedemptions', 'confirmPromotionRedemptions', 'releasePromotionRedemptions'],
    };
    expect(Object.keys(api.getQueryType()!.getFields())).not.toEqual(expect.arrayContaining(serviceOnly.Query));
    for (const field of serviceOnly.Mutation) expect(api.getMutationType()!.getFields()).not.toHaveProperty(field);
    for (const field of [...serviceOnly.Query, ...serviceOnly.Mutation]) expect(result.supergraphSdl).toContain(`${field}(`);
  });
});
