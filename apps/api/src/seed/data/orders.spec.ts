import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildSeedData } from './index.js';
import { buildDemoOrders, DEMO_ORDERS_FROM, DEMO_ORDERS_UNTIL, seasonOf } from './orders.js';

describe('a year of demo orders', () => {
  const { products } = buildSeedData();
  const { buyers, orders } = buildDemoOrders(products);
  const perDay = (from: string, to: string) => orders.filter((o) => o.at >= from && o.at < to).length / ((Date.parse(to) - Date.parse(from)) / 86_400_000);

  it('is the same on every run', () => {
    expect(buildDemoOrders(products)).toEqual({ buyers, orders });
  });

  it('spans the year, buys only what was listed by then, and some carts hold two ibu', () => {
    expect(orders.length).toBeGreaterThan(250);
    expect(orders[0].at >= DEMO_ORDERS_FROM && orders.at(-1)!.at <= DEMO_ORDERS_UNTIL).toBe(true);
    const listed = new Map(products.map((p) => [p.slug, p.createdAt]));
    expect(orders.every((o) => o.lines.every((line) => listed.get(line.productSlug)! < o.at))).toBe(true);
    expect(orders.filter((o) => o.lines.length > 1).length).toBeGreaterThan(30);
  });

  it('has the seasons of a batik seller: Ramadan, the week before Lebaran, Hari Batik and the year\'s end', () => {
    expect(seasonOf(Date.parse('2026-03-16T04:00:00Z'))).toBe(4);
    expect(seasonOf(Date.parse('2026-03-01T04:00:00Z'))).toBe(2.2);
    expect(seasonOf(Date.parse('2026-10-02T04:00:00Z'))).toBe(3);
    expect(seasonOf(Date.parse('2025-12-24T04:00:00Z'))).toBe(2);
    expect(seasonOf(Date.parse('2026-06-10T04:00:00Z'))).toBe(1);
    // The demo shops open after the batik training (March 2026): of the seasons, Hari Batik falls in their year so far.
    expect(perDay('2026-09-25', '2026-10-03')).toBeGreaterThan(2 * perDay('2026-08-01', '2026-09-01'));
  });

  it('sends buyers to kelurahan that exist in idn-area-data', () => {
    const data = path.join(path.dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data', 'villages.csv');
    const codes = new Set(readFileSync(data, 'utf8').split('\n').map((line) => line.split(',')[0]));
    expect(buyers.filter((buyer) => !codes.has(buyer.villageCode))).toEqual([]);
  });
});
