import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per service, so each /metrics shows only its own service. */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Per-operation request counts and latency histograms. */
export function graphqlMetricsPlugin(registry: Registry): ApolloServerPlugin {
  const labelNames = ['operation_name', 'operation_type', 'outcome'] as const;
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations handled, by operation and outcome',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL operation latency, from request to response',
    labelNames,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const endTimer = duration.startTimer();
      return {
        async willSendResponse({ operationName, operation, errors, response }) {
          const body = response.body;
          const hasErrors = Boolean(errors?.length) || (body.kind === 'single' && Boolean(body.singleResult.errors?.length));
          const labels = {
            operation_name: operationName ?? 'anonymous',
            operation_type: operation?.operation ?? 'unknown',
            outcome: hasErrors ? 'error' : 'ok',
          };
          requests.inc(labels);
          endTimer(labels);
        },
      };
    },
  };
}
