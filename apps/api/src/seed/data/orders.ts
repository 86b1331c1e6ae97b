import { createRng, type Rng } from './prng.js';
import type { SeedProduct } from './seed-types.js';

/**
 * A year of demo orders, planned without I/O: who buys what when, how she pays, and how far it got.
 * The seasons a batik seller has: Ramadan and the days before Lebaran, Hari Batik (2 October) and
 * the year's end; the shops grow as the ibu list more pieces, and nothing is bought before it was
 * listed (the demo shops open after the March 2026 training, so their year so far has Hari Batik).
 * The seed places them through the order service, step by step, at these times.
 */
export const DEMO_ORDERS_FROM = '2025-12-01T00:00:00.000Z';
export const DEMO_ORDERS_UNTIL = '2026-11-30T12:00:00.000Z';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type DemoPayment = 'BANK_TRANSFER' | 'COD';
/** How far an order goes: to completion (the most), or it stops on the way. */
export type DemoFate = 'COMPLETED' | 'EXPIRED' | 'BUYER_CANCELLED' | 'SELLER_CANCELLED';

export interface DemoBuyer {
  name: string;
  phone: string;
  villageCode: string;
  postalCode: string;
  street: string;
  balikpapan: boolean;
}

export interface DemoOrderPlan {
  index: number;
  at: string;
  buyer: number;
  lines: { productSlug: string; quantity: number }[];
  payment: DemoPayment;
  fate: DemoFate;
  /** Balikpapan buyers often pick up or have the pendamping bring it. */
  shipping: 'COURIER' | 'PICKUP' | 'LOCAL_DELIVERY';
  /** Of the seller's steps, the share her pendamping does for her. */
  assisted: boolean;
  /** Hours from one step to the next: paid, packed, shipped, delivered, completed. */
  delays: [number, number, number, number, number];
}

const FIRST = ['Dewi', 'Rina', 'Ayu', 'Fitri', 'Nur', 'Putri', 'Lestari', 'Wulan', 'Indah', 'Sari', 'Maya', 'Yuni', 'Anisa', 'Ratih', 'Andi', 'Budi', 'Rizky', 'Agus', 'Hendra', 'Fajar'];
const LAST = ['Pratiwi', 'Santoso', 'Hidayat', 'Rahmawati', 'Saputra', 'Kusuma', 'Wijaya', 'Nugroho', 'Handayani', 'Siregar', 'Lubis', 'Pangaribuan', 'Daeng', 'Tanjung', 'Simanjuntak'];
const STREETS = ['Jl. Jenderal Sudirman', 'Jl. Ahmad Yani', 'Jl. MT Haryono', 'Jl. Soekarno-Hatta', 'Jl. Pattimura', 'Jl. Diponegoro', 'Jl. Gatot Subroto', 'Jl. Imam Bonjol'];

/** Kelurahan the demo buyers live in (Kemendagri codes of idn-area-data), by how often they buy. */
const PLACES: [villageCode: string, postalCode: string, weight: number][] = [
  ['64.71.01.1001', '76116', 5], ['64.71.02.1002', '76131', 4], ['64.71.03.1001', '76126', 4], ['64.71.04.1004', '76121', 6],
  ['64.71.05.1002', '76114', 5], ['64.71.06.1001', '76111', 4],
  ['64.72.01.1001', '75131', 5], ['63.71.01.1001', '70237', 2], ['31.74.01.1001', '12820', 5], ['35.78.01.1001', '60221', 3],
  ['32.73.01.1001', '40152', 3], ['51.71.01.1001', '80229', 2], ['73.71.01.1001', '90113', 3], ['12.71.01.1001', '20212', 2],
  ['53.71.01.1001', '85228', 1], ['91.71.01.1001', '99111', 1],
];

export function buildDemoBuyers(rng: Rng, count = 140): DemoBuyer[] {
  return Array.from({ length: count }, (_, i) => {
    const [villageCode, postalCode] = rng.weighted(PLACES.map((place) => [place, place[2]] as const));
    return {
      name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
      phone: `+62813${String(10_000_000 + i).slice(-8)}`,
      villageCode,
      postalCode,
      street: `${rng.pick(STREETS)} No. ${rng.int(1, 220)}, RT ${String(rng.int(1, 40)).padStart(2, '0')}`,
      balikpapan: villageCode.startsWith('64.71.'),
    };
  });
}

/** How busy a day is, against an ordinary one. */
export function seasonOf(time: number): number {
  const date = new Date(time + 8 * HOUR); // WITA
  const md = (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
  const year = date.getUTCFullYear();
  if (year === 2026 && md >= 313 && md <= 319) return 4; // the week before Lebaran (Idulfitri 20 March 2026)
  if (year === 2026 && md >= 218 && md <= 319) return 2.2; // Ramadan 1447
  if (md >= 925 && md <= 1002) return 3; // around Hari Batik Nasional, 2 October
  if (md >= 1215 || md <= 102) return 2; // year's end
  return 1;
}

export function buildDemoOrders(products: readonly SeedProduct[], seed = 0x4f52_4445): { buyers: DemoBuyer[]; orders: DemoOrderPlan[] } {
  const rng = createRng(seed);
  const buyers = buildDemoBuyers(rng.fork('buyers'));
  const active = products.filter((product) => product.status === 'ACTIVE').map((product) => ({ product, listed: Date.parse(product.createdAt) }));
  const orders: DemoOrderPlan[] = [];
  const from = Date.parse(DEMO_ORDERS_FROM);
  const until = Date.parse(DEMO_ORDERS_UNTIL);
  const pick = rng.fork('orders');
  for (let day = from; day < until; day += DAY) {
    const listed = active.filter((entry) => entry.listed < day);
    if (listed.length === 0) continue;
    // The shop grows as the ibu list more: about one order a day per 100 pieces on sale, times the season.
    const expected = (listed.length / 100) * seasonOf(day);
    let count = Math.floor(expected) + (pick.chance(expected % 1) ? 1 : 0);
    while (count-- > 0) {
      const at = day + pick.int(7 * 60, 22 * 60) * 60_000 - 8 * HOUR;
      const buyer = pick.int(0, buyers.length - 1);
      const first = pick.pick(listed).product;
      const lines = [{ productSlug: first.slug, quantity: pick.chance(0.15) ? 2 : 1 }];
      // A third buy from a second ibu too (the cart of many sellers).
      if (pick.chance(0.33)) {
        const second = pick.pick(listed).product;
        if (second.slug !== first.slug) lines.push({ productSlug: second.slug, quantity: 1 });
      }
      const local = buyers[buyer].balikpapan;
      const payment: DemoPayment = local && pick.chance(0.55) ? 'COD' : 'BANK_TRANSFER';
      const fate: DemoFate = pick.weighted([
        ['COMPLETED', 90],
        ['EXPIRED', payment === 'COD' ? 0 : 5],
        ['BUYER_CANCELLED', 3],
        ['SELLER_CANCELLED', 2],
      ]);
      orders.push({
        index: orders.length,
        at: new Date(at).toISOString(),
        buyer,
        lines,
        payment,
        fate,
        shipping: local ? pick.weighted([['PICKUP', 25], ['LOCAL_DELIVERY', 35], ['COURIER', 40]]) : 'COURIER',
        assisted: pick.chance(0.3),
        delays: [pick.int(1, 20), pick.int(2, 20), pick.int(12, 48), local ? pick.int(2, 30) : pick.int(48, 140), pick.int(4, 72)],
      });
    }
  }
  return { buyers, orders };
}
