import js from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'subgraphs/*/prisma-client/', 'subgraphs/*/generated/', 'coverage/'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-console': 'off',
    },
  },
  // The storefront's browser modules (gateway/storefront/): no build step, so no type checker either;
  // undefined names are errors, with the browser's globals (and the two scripts the page loads) known.
  {
    files: ['gateway/storefront/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window', 'document', 'localStorage', 'sessionStorage', 'location', 'history', 'navigator', 'crypto', 'fetch', 'URL',
          'URLSearchParams', 'FormData', 'AbortController', 'Intl', 'console', 'setTimeout', 'clearTimeout', 'setInterval',
          'clearInterval', 'requestAnimationFrame', 'Node', 'HTMLElement', 'Event', 'CustomEvent', 'structuredClone', 'graphqlWs', 'Stripe',
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: { 'no-undef': 'error' },
  },
  // The public API schema as clients see it (written by `npm run compose`), held to the schema and
  // Relay rules client teams lint their own schemas with.
  {
    files: ['schema/api.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: 'schema/api.graphql' } } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      ...graphql.configs['flat/schema-relay'].rules,
      // Lists that can grow are connections; short bounded ones (a product's images) stay plain lists (SPEC §6).
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false, shouldImplementNode: false }],
      // Value objects have no identity of their own: payloads, connections, money, facets, warnings.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          exceptions: {
            suffixes: ['Payload', 'Connection', 'Edge', 'UserError', 'Facet', 'Facets'],
            types: ['Money', 'PageInfo', 'PriceRange', 'SelectedOption', 'Inventory', 'CartDiscount', 'CartWarning', 'PromotionTargets', 'PromotionUsage', 'AffiliateReport', 'OrderDiscount', 'Address', 'OrderHistoryEntry', 'Shipment', 'OrderStatusEvent', 'SubscriptionPlanItem', 'SubscriptionPeriod', 'SubscriptionChange', 'SubscriptionHistoryEntry', 'PersonalDataErasure', 'EntityVersion', 'FieldChange', 'SearchSuggestion'],
          },
        },
      ],
    },
  },
);
