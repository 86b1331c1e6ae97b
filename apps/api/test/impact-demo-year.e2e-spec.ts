import { Role } from '../src/modules/accounts/models/role.enum.js';
import { DEMO_ORDERS_FROM, DEMO_ORDERS_UNTIL } from '../src/seed/data/orders.js';
import { BATIK_TRAINING_SLUG } from '../src/seed/data/training-programs.js';
import { seedDemoData } from '../src/seed/seed-demo-data.js';
import { signIn } from './factories.js';
import { ImpactDemoYearDocument, type ImpactDemoYearQuery } from './generated/graphql.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

type Report = ImpactDemoYearQuery['impactReport'];

// The batik cohort over the demo year, computed here in SQL straight from the orders, their lines and
// refunds, the roster and the offline sales: no ledger, no rollup, none of the impact module's code.
// A seller order is paid when its money came in: its cash for COD, else its order's payment unless it
// was cancelled before. Her net income in a WITA month is what was paid then less the commission frozen
// on each line (rounded half up, floor, cap, never above the price), less the refunds settled then net
// of the commission they take back.
const FACTS = `
  WITH program AS (SELECT id, end_date FROM training_programs WHERE slug = $1),
  enrolled AS (
    SELECT s.id AS seller_id, s.whatsapp_number, u.phone FROM training_enrollments e JOIN sellers s ON s.id = e.seller_id LEFT JOIN users u ON u.id = s.user_id
    WHERE e.training_program_id = (SELECT id FROM program)),
  roster AS (
    SELECT r.baseline_monthly_income_idr AS baseline, (SELECT e.seller_id FROM enrolled e WHERE r.phone IN (e.whatsapp_number, e.phone) LIMIT 1) AS seller_id
    FROM roster_entries r WHERE r.training_program_id = (SELECT id FROM program)),
  participants AS (
    SELECT seller_id, baseline FROM roster
    UNION ALL SELECT seller_id, NULL FROM enrolled WHERE seller_id NOT IN (SELECT seller_id FROM roster WHERE seller_id IS NOT NULL)),
  eligible AS (
    SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series(date_trunc('month', (SELECT end_date FROM program)) + interval '1 month', $3::date, interval '1 month') m
    WHERE m >= $2::date),
  paid AS (
    SELECT s.id, s.seller_id, s.order_id, CASE WHEN o.payment_method = 'COD' THEN s.cash_collected_at ELSE o.paid_at END AS paid_at
    FROM seller_orders s JOIN orders o ON o.id = s.order_id
    WHERE CASE WHEN o.payment_method = 'COD' THEN s.cash_collected_at IS NOT NULL ELSE o.paid_at IS NOT NULL AND (s.cancelled_at IS NULL OR s.cancelled_at >= o.paid_at) END),
  line_money AS (
    SELECT l.seller_order_id, l.line_total_idr AS gross,
      least(l.line_total_idr, CASE WHEN l.commission_cap_idr IS NOT NULL AND f.c > l.commission_cap_idr THEN l.commission_cap_idr ELSE f.c END) AS commission
    FROM order_lines l
    CROSS JOIN LATERAL (SELECT (l.line_total_idr * l.commission_rate_basis_points + 5000) / 10000 AS raw) r
    CROSS JOIN LATERAL (SELECT CASE WHEN l.commission_floor_idr IS NOT NULL AND r.raw < l.commission_floor_idr THEN l.commission_floor_idr ELSE r.raw END AS c) f),
  money AS (
    SELECT p.seller_id, to_char(p.paid_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM') AS month, sum(m.gross - m.commission) AS net, count(DISTINCT p.id) AS orders
    FROM paid p JOIN line_money m ON m.seller_order_id = p.id GROUP BY 1, 2
    UNION ALL
    SELECT p.seller_id, to_char(f.settled_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM'), -sum(m.gross - m.commission), 0
    FROM refunds f JOIN paid p ON p.id = f.seller_order_id JOIN line_money m ON m.seller_order_id = p.id
    WHERE f.status <> 'FAILED' GROUP BY 1, 2),
  offline AS (
    SELECT seller_id, to_char(sold_on, 'YYYY-MM') AS month, sum(amount_idr) AS idr, count(*) AS sales FROM offline_sales GROUP BY 1, 2),
  last_sale AS (
    SELECT seller_id, max(day) AS day FROM (
      SELECT seller_id, (paid_at AT TIME ZONE 'Asia/Makassar')::date AS day FROM paid
      UNION ALL SELECT seller_id, sold_on FROM offline_sales) s
    WHERE day <= $4::date GROUP BY 1)`;

const PER_PARTICIPANT = `${FACTS}
  SELECT p.seller_id, p.baseline::text AS baseline,
    coalesce((SELECT sum(net) FROM money m WHERE m.seller_id = p.seller_id AND m.month IN (SELECT month FROM eligible)), 0)::text AS marketplace,
    coalesce((SELECT sum(orders) FROM money m WHERE m.seller_id = p.seller_id AND m.month IN (SELECT month FROM eligible)), 0)::int AS orders,
    coalesce((SELECT sum(idr) FROM offline o WHERE o.seller_id = p.seller_id AND o.month IN (SELECT month FROM eligible)), 0)::text AS offline,
    coalesce((SELECT sum(sales) FROM offline o WHERE o.seller_id = p.seller_id AND o.month IN (SELECT month FROM eligible)), 0)::int AS offline_sales,
    to_char((SELECT day FROM last_sale l WHERE l.seller_id = p.seller_id), 'YYYY-MM-DD') AS last_sale_on
  FROM participants p`;

const PER_MONTH = `${FACTS}
  SELECT m.month, sum(m.net)::text AS idr FROM money m
  WHERE m.seller_id IN (SELECT seller_id FROM participants) AND m.month IN (SELECT month FROM eligible) GROUP BY 1 ORDER BY 1`;

interface Expected {
  seller_id: string | null;
  baseline: string | null;
  marketplace: string;
  orders: number;
  offline: string;
  offline_sales: number;
  last_sale_on: string | null;
}

describe('impact over the demo year: the report against an independent SQL computation', () => {
  let t: TestApp;
  let report: Report;
  let expected: Expected[];
  let programId: string;
  const period = { from: `${DEMO_ORDERS_FROM.slice(0, 7)}-01`, to: `${DEMO_ORDERS_UNTIL.slice(0, 7)}-01` };

  beforeAll(async () => {
    t = await createTestApp();
    // The demo exactly as `npm start` seeds it (the year of orders through the order service), without drawing photos.
    const summary = await seedDemoData(t.config, { photos: false });
    expect(summary).toMatch(/Demo orders: \d+ of \d+ planned placed/);
    [{ id: programId }] = await t.dataSource.query('SELECT id FROM training_programs WHERE slug = $1', [BATIK_TRAINING_SLUG]);
    const officer = await signIn(t, { roles: [Role.OFFICER] });
    const answer = await t.gql(ImpactDemoYearDocument, { f: { trainingProgramId: programId, ...period } }, { token: officer.token });
    expect(answer.errors).toBeUndefined();
    report = answer.data!.impactReport;
    expected = await t.dataSource.query(PER_PARTICIPANT, [BATIK_TRAINING_SLUG, period.from, period.to, report.period.asOf]);
  }, 600_000);
  afterAll(() => t.close());

  it('is a real year: most of the cohort sold on the marketplace, some orders were refunded, buyers live beyond Balikpapan', async () => {
    expect(report.participants).toBe(expected.length);
    expect(report.participants).toBeGreaterThanOrEqual(60);
    expect(expected.filter((e) => e.orders > 0).length).toBeGreaterThan(30);
    const [{ refunds }] = await t.dataSource.query(
      `SELECT count(*)::int AS refunds FROM refunds f JOIN seller_orders s ON s.id = f.seller_order_id JOIN training_enrollments e ON e.seller_id = s.seller_id AND e.training_program_id = $1 WHERE f.status <> 'FAILED'`,
      [programId],
    );
    expect(refunds).toBeGreaterThan(0);
    // The refund arm of the SQL above takes back a whole seller order: it holds while the demo refunds only whole ones.
    const [{ partial }] = await t.dataSource.query(`SELECT count(*)::int AS partial FROM refunds f JOIN seller_orders s ON s.id = f.seller_order_id WHERE f.status <> 'FAILED' AND f.amount_idr < s.items_total_idr`);
    expect(partial).toBe(0);
    // Each refund is dated, and posted, on the day of the cancellation that made it: the demo year's, not the day it was seeded.
    const [{ misdated }] = await t.dataSource.query(
      `SELECT count(*)::int AS misdated FROM refunds f JOIN seller_orders s ON s.id = f.seller_order_id LEFT JOIN ledger_transactions l ON l.refund_id = f.id AND l.cause = 'REFUND'
       WHERE f.status <> 'FAILED' AND (f.settled_at IS DISTINCT FROM s.cancelled_at OR l.occurred_at IS DISTINCT FROM s.cancelled_at)`,
    );
    expect(misdated).toBe(0);
    expect(report.buyerProvinces.length).toBeGreaterThan(1);
  });

  it('gives each participant her verified marketplace income, orders and offline sales as computed from the orders themselves', () => {
    const bySeller = new Map(expected.filter((e) => e.seller_id).map((e) => [e.seller_id, e]));
    for (const row of report.participantRows.filter((r) => r.sellerId)) {
      const e = bySeller.get(row.sellerId!)!;
      expect({ seller: row.sellerId, marketplace: row.marketplaceIdr, offline: row.offlineIdr, lastSaleOn: row.lastSaleOn }).toEqual({
        seller: e.seller_id,
        marketplace: e.marketplace,
        offline: e.offline,
        lastSaleOn: e.last_sale_on,
      });
    }
    const sum = (pick: (e: Expected) => bigint | number) => expected.reduce((total, e) => total + BigInt(pick(e)), 0n);
    expect(report.marketplaceTotalIdr).toBe(sum((e) => BigInt(e.marketplace)).toString());
    expect(BigInt(report.marketplaceTotalIdr)).toBeGreaterThan(10_000_000n);
    expect(report.offlineTotalIdr).toBe(sum((e) => BigInt(e.offline)).toString());
    expect(BigInt(report.orders)).toBe(sum((e) => e.orders));
    expect(BigInt(report.offlineSales)).toBe(sum((e) => e.offline_sales));
  });

  it('counts active sellers (a sale of any source in the 90 days to the as-of day) and the baseline quartiles as SQL does', async () => {
    const asOf = Date.parse(`${report.period.asOf}T00:00:00Z`);
    const active = expected.filter((e) => e.last_sale_on && asOf - Date.parse(`${e.last_sale_on}T00:00:00Z`) < 90 * 86_400_000);
    expect(report.activeSellers90).toBe(active.length);
    const [quartiles] = await t.dataSource.query(
      `SELECT count(*)::int AS count, round(percentile_cont(0.25) WITHIN GROUP (ORDER BY b))::text AS q1, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY b))::text AS median,
         round(percentile_cont(0.75) WITHIN GROUP (ORDER BY b))::text AS q3 FROM unnest($1::bigint[]) AS b`,
      [expected.filter((e) => e.baseline !== null).map((e) => e.baseline)],
    );
    expect(report.baseline).toEqual(quartiles);
  });

  it('splits the months and the buyers\' provinces as the orders do', async () => {
    const monthly: { month: string; idr: string }[] = await t.dataSource.query(PER_MONTH, [BATIK_TRAINING_SLUG, period.from, period.to, report.period.asOf]);
    expect(report.monthly.filter((m) => m.marketplaceIdr !== '0').map((m) => ({ month: m.month, idr: m.marketplaceIdr }))).toEqual(monthly.filter((m) => m.idr !== '0'));
    const provinces = await t.dataSource.query(
      `SELECT o.province, count(*)::int AS orders, count(DISTINCT s.seller_id)::int AS sellers
       FROM seller_orders s JOIN orders o ON o.id = s.order_id
       WHERE s.seller_id IN (SELECT seller_id FROM training_enrollments WHERE training_program_id = $1)
         AND CASE WHEN o.payment_method = 'COD' THEN s.cash_collected_at ELSE o.paid_at END AT TIME ZONE 'Asia/Makassar' >= $2::date
         AND CASE WHEN o.payment_method = 'COD' THEN s.cash_collected_at ELSE o.paid_at END AT TIME ZONE 'Asia/Makassar' < $3::date + interval '1 month'
         AND CASE WHEN o.payment_method = 'COD' THEN s.cash_collected_at IS NOT NULL ELSE o.paid_at IS NOT NULL AND (s.cancelled_at IS NULL OR s.cancelled_at >= o.paid_at) END
       GROUP BY 1 ORDER BY orders DESC, province`,
      [programId, period.from, period.to],
    );
    expect(report.buyerProvinces).toEqual(provinces);
  });
});
