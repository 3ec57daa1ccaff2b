// New trace and span ids: W3C-shaped, and never repeated, also across refills of their random pool.
import { describe, expect, it } from 'vitest';
import { traceIdFrom, traceparentFor } from './request-scope.js';

describe('trace ids', () => {
  it('keeps the trace id of an incoming traceparent', () => {
    expect(traceIdFrom(`00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01`)).toBe('ab'.repeat(16));
  });

  it('makes new ones of 16 random bytes and spans of 8, none twice in many thousands (the pool refilled on the way)', () => {
    const traces = Array.from({ length: 5_000 }, () => traceIdFrom(undefined));
    const parents = traces.map((t) => traceparentFor(t));
    expect(traces.every((t) => /^[0-9a-f]{32}$/.test(t))).toBe(true);
    expect(parents.every((p, i) => p.startsWith(`00-${traces[i]}-`) && /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/.test(p))).toBe(true);
    expect(new Set(traces).size).toBe(traces.length);
    expect(new Set(parents.map((p) => p.split('-')[2])).size).toBe(parents.length);
    // Not all zeros or one repeated byte: random.
    expect(new Set(traces.join('')).size).toBe(16);
  });
});
