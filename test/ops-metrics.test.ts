// The Grafana dashboard and the Prometheus rules in ops/ against the services as they run: every
// metric their PromQL names is exposed by some service's /metrics once there has been a little
// traffic and the outbox relays have run, so the JSON and the rules cannot drift from the code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SUBGRAPHS, defaultSubgraphPort } from '../lib/subgraph-names.js';
import { startTestStack, type TestStack } from './harness.js';

const OPS = path.resolve(import.meta.dirname, '../ops');
const dashboard = JSON.parse(readFileSync(path.join(OPS, 'grafana/commerce.json'), 'utf8'));
const alerts = parse(readFileSync(path.join(OPS, 'prometheus/alerts.yml'), 'utf8'));
const scrapeConfig = parse(readFileSync(path.join(OPS, 'prometheus/prometheus.yml'), 'utf8'));

interface Panel {
  type: string;
  title: string;
  id: number;
  datasource?: { type: string; uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: { expr: string; datasource?: { uid: string } }[];
  panels?: Panel[];
}
interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const panels: Panel[] = (dashboard.panels as Panel[]).flatMap((p) => [p, ...(p.panels ?? [])]);
const rules: Rule[] = (alerts.groups as { name: string; rules: Rule[] }[]).flatMap((g) => g.rules);
const variables = dashboard.templating.list as { name: string; type: string; query: string | { query: string } }[];

// Series Prometheus makes itself for each target, not exposed by any service.
const PROMETHEUS_OWN = new Set(['up']);
const PROMQL_WORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

/**
 * The metric names a PromQL expression selects: identifiers that are not functions, keywords,
 * labels (in matchers and in by/without/on/ignoring lists), strings, ranges or Grafana variables.
 */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\$\{?\w+\}?/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = [...bare.matchAll(/(?<![\w:.])[A-Za-z_:][\w:]*(?![\w:]|\s*\()/g)].map(([name]) => name);
  return names.filter((name) => !PROMQL_WORDS.has(name.toLowerCase()));
}

/** A PromQL expression's brackets pair up (a cheap check for a broken edit; promtool checks the rest). */
function balanced(expr: string): boolean {
  const open: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const ch of expr.replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
    if ('([{'.includes(ch)) open.push(ch);
    else if (ch in pairs && open.pop() !== pairs[ch]) return false;
  }
  return open.length === 0;
}

const dashboardExpressions = panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `panel "${p.title}"`, expr: t.expr })));
const variableMetrics = variables.flatMap((v) => {
  if (v.type !== 'query') return [];
  const query = typeof v.query === 'string' ? v.query : v.query.query;
  const metric = /^label_values\(\s*([A-Za-z_:][\w:]*)\s*,/.exec(query)?.[1];
  return [{ where: `variable $${v.name}`, names: metric ? [metric] : [] }];
});
const used = [
  ...dashboardExpressions.map(({ where, expr }) => ({ where, names: metricNames(expr) })),
  ...variableMetrics,
  ...rules.map((r) => ({ where: `alert ${r.alert}`, names: metricNames(r.expr) })),
];

describe('the PromQL reader', () => {
  it('finds the metrics and nothing else', () => {
    expect(
      metricNames(
        'histogram_quantile(0.95, sum by (le, service) (rate(graphql_request_duration_seconds_bucket{service=~"$service",outcome!="ok"}[$__rate_interval]))) > 2 and on (service) up == 0',
      ),
    ).toEqual(['graphql_request_duration_seconds_bucket', 'up']);
    expect(metricNames('min_over_time((max by (queue) (bullmq_job_count{state="waiting"}))[10m:1m]) > 0 unless deriv(x_total[5m]) > 0.5')).toEqual([
      'bullmq_job_count',
      'x_total',
    ]);
  });
});

describe('ops/ files', () => {
  it('the dashboard takes its Prometheus from a ${datasource} variable, filters by a service variable and has its five rows', () => {
    expect(variables.find((v) => v.name === 'datasource')).toMatchObject({ type: 'datasource', query: 'prometheus' });
    expect(variables.find((v) => v.name === 'service')).toMatchObject({ type: 'query' });
    for (const panel of panels.filter((p) => p.type !== 'row')) {
      expect(panel.datasource?.uid, panel.title).toBe('${datasource}');
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) {
        expect(target.datasource?.uid, panel.title).toBe('${datasource}');
        expect(balanced(target.expr), target.expr).toBe(true);
      }
      expect(panel.gridPos.x + panel.gridPos.w, panel.title).toBeLessThanOrEqual(24);
    }
    expect(panels.filter((p) => p.type === 'row').map((p) => p.title)).toEqual(['Traffic', 'Events', 'Jobs', 'Commerce', 'Live tracking']);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
  });

  it('every alert rule has an expression, a severity, a summary and a description', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.alert, JSON.stringify(rule)).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(balanced(rule.expr), rule.alert).toBe(true);
      expect(rule.for ?? '0s', rule.alert).toMatch(/^\d+[smh]$/);
      expect(['critical', 'warning'], rule.alert).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
      expect(rule.annotations?.description, rule.alert).toBeTruthy();
    }
  });

  it('the example scrape configuration scrapes every service on its port and loads the rules', () => {
    expect(scrapeConfig.rule_files).toEqual(['alerts.yml']);
    const jobs = Object.fromEntries(
      (scrapeConfig.scrape_configs as { job_name: string; static_configs: { targets: string[] }[] }[]).map((j) => [j.job_name, j.static_configs.flatMap((c) => c.targets)]),
    );
    expect(jobs).toEqual({
      gateway: ['gateway:4000'],
      ...Object.fromEntries(SUBGRAPHS.map((name) => [name, [`${name}:${defaultSubgraphPort(name)}`]])),
    });
  });
});

describe('the metrics the dashboard and the alerts read', () => {
  let stack: TestStack;
  let exposed: Map<string, Set<string>>;

  const metricsOf = async (url: string) => (await fetch(new URL('/metrics', url))).text();
  const sampleNames = (text: string) => new Set(text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(/[{ ]/)[0]!));

  beforeAll(async () => {
    stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '100' } });
    // A little traffic: a change that records an event, a read across subgraphs, a refused document.
    const created = await stack.admin.query(`mutation CreateProduct($input: CreateProductInput!) { createProduct(input: $input) { product { id } userErrors { code } } }`, {
      input: { slug: 'ops-metrics', name: 'Ops metrics' },
    });
    expect(created.createProduct.userErrors).toEqual([]);
    await stack.anonymous.query('query Storefront { products(first: 1) { totalCount } categories { id } subscriptionPlans { id } }');
    expect((await stack.anonymous.request('query Broken { noSuchField }')).errors).toBeDefined();
    // The catalog's relay has published the product's event, and the jobs have run.
    await vi.waitFor(
      async () => {
        const text = await metricsOf(stack.subgraphUrls.catalog);
        expect(text).toContain('outbox_events_published_total{type="ProductCreated"');
        expect(text).toContain('recurring_job_duration_seconds_bucket{');
      },
      { timeout: 15_000, interval: 100 },
    );
    const urls = { gateway: stack.gatewayUrl, ...stack.subgraphUrls };
    exposed = new Map(await Promise.all(Object.entries(urls).map(async ([service, url]) => [service, sampleNames(await metricsOf(url))] as const)));
  });
  afterAll(() => stack?.close());

  it('every metric named in the dashboard and in the alert rules is exposed by some service', () => {
    const missing = used.flatMap(({ where, names }) =>
      names.filter((name) => !PROMETHEUS_OWN.has(name) && ![...exposed.values()].some((s) => s.has(name))).map((name) => `${name} (${where})`),
    );
    expect(missing).toEqual([]);
    expect(used.flatMap((u) => u.names).length).toBeGreaterThan(40);
  });

  it('counts refused documents as rejected, not as errors, and times the gateway’s fetches per subgraph', async () => {
    const gateway = await metricsOf(stack.gatewayUrl);
    expect(gateway).toMatch(/^graphql_requests_total\{[^}]*outcome="rejected"[^}]*\} 1$/m);
    expect(gateway).not.toMatch(/^graphql_requests_total\{[^}]*outcome="error"/m);
    expect(gateway).toMatch(/^gateway_subgraph_requests_total\{subgraph="catalog",operation_name="Storefront",outcome="ok",service="gateway"\} 1$/m);
    expect(gateway).toMatch(/^gateway_subgraph_requests_total\{subgraph="subscription",operation_name="Storefront",outcome="ok",service="gateway"\} 1$/m);
  });

  it('each context shows its outbox, consumers, queues and business counters', async () => {
    const order = await metricsOf(stack.subgraphUrls.order);
    expect(order).toMatch(/^outbox_oldest_unpublished_age_seconds\{context="order",service="order"\} /m);
    expect(order).toMatch(/^bullmq_job_count\{queue="order-payment-reconciliation",state="delayed",service="order"\} /m);
    expect(order).toMatch(/^order_payment_reconciliation_repairs_total\{outcome="paid",service="order"\} 0$/m);
    const catalog = await metricsOf(stack.subgraphUrls.catalog);
    expect(catalog).toMatch(/^catalog_reservations_expired_total\{service="catalog"\} 0$/m);
    expect(catalog).toMatch(/^event_consumer_lag_entries\{consumer="catalog-order-stock",stream="[^"]+:\{events:order\}",service="catalog"\} 0$/m);
    expect(catalog).toMatch(/^recurring_job_runs_total\{queue="catalog-outbox-relay",outcome="completed",service="catalog"\} [1-9]/m);
  });
});
