import { describe, expect, it } from 'vitest';
import { billingDate, periodAt, trialEnd, type Cadence } from './billing-calendar.js';

const monthly: Cadence = { interval: 'MONTHLY', intervalCount: 1 };
const dates = (anchor: string, cadence: Cadence, count: number) =>
  Array.from({ length: count }, (_, n) => billingDate(new Date(anchor), cadence, n).toISOString().slice(0, 10));

describe('billing dates', () => {
  it.each([
    ['a month-end start keeps its day where the month has it', '2027-01-31T09:30:00Z', monthly, ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']],
    ['February of a leap year has its 29th', '2028-01-31T00:00:00Z', monthly, ['2028-01-31', '2028-02-29', '2028-03-31']],
    ['the 30th falls to February\'s last day and comes back', '2027-01-30T00:00:00Z', monthly, ['2027-01-30', '2027-02-28', '2027-03-30']],
    ['a year turns over', '2026-11-15T00:00:00Z', monthly, ['2026-11-15', '2026-12-15', '2027-01-15', '2027-02-15']],
    ['every two months', '2027-01-31T00:00:00Z', { interval: 'MONTHLY', intervalCount: 2 }, ['2027-01-31', '2027-03-31', '2027-05-31', '2027-07-31']],
    ['quarterly from the 30th of November', '2026-11-30T00:00:00Z', { interval: 'QUARTERLY', intervalCount: 1 }, ['2026-11-30', '2027-02-28', '2027-05-30', '2027-08-30', '2027-11-30', '2028-02-29']],
    ['yearly from the 29th of February', '2028-02-29T00:00:00Z', { interval: 'YEARLY', intervalCount: 1 }, ['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']],
    ['every two years', '2026-06-01T00:00:00Z', { interval: 'YEARLY', intervalCount: 2 }, ['2026-06-01', '2028-06-01', '2030-06-01']],
    ['weekly', '2027-02-25T00:00:00Z', { interval: 'WEEKLY', intervalCount: 1 }, ['2027-02-25', '2027-03-04', '2027-03-11']],
    ['every two weeks over a leap day', '2028-02-20T00:00:00Z', { interval: 'WEEKLY', intervalCount: 2 }, ['2028-02-20', '2028-03-05', '2028-03-19']],
  ] as const)('%s', (_what, anchor, cadence, expected) => {
    expect(dates(anchor, cadence, expected.length)).toEqual(expected);
  });

  it('keeps the time of day, in UTC', () => {
    expect(billingDate(new Date('2027-01-31T23:59:59.250Z'), monthly, 1).toISOString()).toBe('2027-02-28T23:59:59.250Z');
    expect(billingDate(new Date('2027-03-27T12:00:00Z'), { interval: 'WEEKLY', intervalCount: 1 }, 1).toISOString()).toBe('2027-04-03T12:00:00.000Z');
  });

  it('refuses periods and counts that are not whole numbers', () => {
    expect(() => billingDate(new Date(), monthly, -1)).toThrow(RangeError);
    expect(() => billingDate(new Date(), monthly, 1.5)).toThrow(RangeError);
    expect(() => billingDate(new Date(), { interval: 'MONTHLY', intervalCount: 0 }, 1)).toThrow(RangeError);
  });
});

describe('the period containing an instant', () => {
  const anchor = new Date('2027-01-31T10:00:00Z');
  it.each([
    ['2027-01-31T10:00:00Z', 0, '2027-01-31', '2027-02-28'],
    ['2027-02-28T09:59:59Z', 0, '2027-01-31', '2027-02-28'],
    ['2027-02-28T10:00:00Z', 1, '2027-02-28', '2027-03-31'],
    ['2027-12-31T10:00:00Z', 11, '2027-12-31', '2028-01-31'],
    ['2036-02-29T10:00:00Z', 109, '2036-02-29', '2036-03-31'],
  ])('%s is in period %i', (at, index, start, end) => {
    const period = periodAt(anchor, monthly, new Date(at));
    expect({ index: period.index, start: period.start.toISOString().slice(0, 10), end: period.end.toISOString().slice(0, 10) }).toEqual({ index, start, end });
  });

  it('agrees with billingDate for every day over years of every cadence', () => {
    for (const cadence of [monthly, { interval: 'WEEKLY', intervalCount: 3 }, { interval: 'QUARTERLY', intervalCount: 1 }, { interval: 'YEARLY', intervalCount: 1 }] as Cadence[]) {
      for (let day = 0; day < 3 * 366; day += 1) {
        const at = new Date(anchor.getTime() + day * 86_400_000);
        const { index, start, end } = periodAt(anchor, cadence, at);
        expect(start <= at && at < end, `${cadence.interval} ${at.toISOString()}`).toBe(true);
        expect(start.getTime()).toBe(billingDate(anchor, cadence, index).getTime());
      }
    }
  });

  it('refuses an instant before the anchor', () => {
    expect(() => periodAt(anchor, monthly, new Date('2027-01-30T00:00:00Z'))).toThrow(RangeError);
  });
});

it('a trial ends its number of days after it starts', () => {
  expect(trialEnd(new Date('2027-02-20T08:00:00Z'), 14).toISOString()).toBe('2027-03-06T08:00:00.000Z');
});
