// The impact scenario's data, after seedCatalog: the demo's training programs with their rosters
// (baselines) and enrollments among the bench's sellers, an officer account, and a year of paid
// marketplace sales (orders, seller orders, order lines with their frozen commission) with the
// ledger's monthly rollup those sales post. Plain SQL, a few INSERT … SELECT statements over
// generate_series: the bench measures reads, so the write path (services, postings) is skipped.
// The impact report reads ledger_monthly for income, counts and last sales and seller_reach_monthly
// for provinces; it reads no journal (ledger_transactions / entries), so none is written.
import pg from 'pg';
import { hashPassword } from '../dist/modules/accounts/passwords.js';
import { buildSeedData } from '../dist/seed/data/index.js';

export const OFFICER = { email: 'petugas@bench.karyaibu', password: 'bench-officer-password' };

/**
 * Seeds `orderLines` order lines (two per order, one seller order each) paid over the 12 WITA months
 * ending with `lastMonth` (YYYY-MM); a fifth are cash on delivery with their cash collected. Returns
 * the batik cohort's id.
 */
export async function seedOrders(databaseUrl, orderLines, lastMonth, log) {
  const data = buildSeedData();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows: kampungs } = await client.query('SELECT id, slug FROM kampungs');
    const kampungId = new Map(kampungs.map((k) => [k.slug, k.id]));
    const { rows: sellers } = await client.query('SELECT id, whatsapp_number FROM sellers');
    const sellerId = new Map(sellers.map((s) => [s.whatsapp_number, s.id]));

    const programId = new Map();
    for (const p of data.trainingPrograms) {
      const { rows } = await client.query(
        `INSERT INTO training_programs (slug, title, skill, start_date, end_date, days, budget_idr, provider, participant_count, location, description)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [p.slug, p.title, p.skill, p.startDate, p.endDate, p.days, p.budgetIdr.toString(), p.provider, p.participantCount, p.location, p.description],
      );
      programId.set(p.slug, rows[0].id);
    }
    const roster = data.rosters.filter((r) => kampungId.has(r.kampungSlug));
    await client.query(
      `INSERT INTO roster_entries (training_program_id, name, phone, kampung_id, baseline_monthly_income_idr)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::bigint[])`,
      [roster.map((r) => programId.get(r.trainingSlug)), roster.map((r) => r.name), roster.map((r) => r.phone), roster.map((r) => kampungId.get(r.kampungSlug)), roster.map((r) => r.baselineMonthlyIncomeIdr.toString())],
    );
    const enrollments = data.sellers.flatMap((s) => s.trainingSlugs.map((slug) => [programId.get(slug), sellerId.get(s.whatsappNumber), data.trainingPrograms.find((p) => p.slug === slug).startDate]));
    await client.query(
      'INSERT INTO training_enrollments (training_program_id, seller_id, enrolled_at) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])',
      [enrollments.map((e) => e[0]), enrollments.map((e) => e[1]), enrollments.map((e) => e[2])],
    );
    await client.query(`INSERT INTO users (display_name, email, password_hash, roles) VALUES ('Petugas DP3AKB (bench)', $1, $2, '{BUYER,OFFICER}')`, [OFFICER.email, await hashPassword(OFFICER.password)]);
    log(`${data.trainingPrograms.length} training programs, ${roster.length} roster lines, ${enrollments.length} enrollments, an officer`);

    // Where buyers live: villages of Balikpapan most of the time, of the rest of Indonesia otherwise.
    await client.query(`CREATE TEMP TABLE bench_places ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY md5(v.code)) - 1 AS i, v.code, v.name AS village, d.name AS district, r.name AS regency, p.name AS province,
        CASE WHEN r.code = '64.71' THEN 'BALIKPAPAN' WHEN p.code = '64' THEN 'KALTIM' ELSE 'JAWA_BALI' END AS zone
      FROM administrative_areas v JOIN administrative_areas d ON d.code = v.parent_code JOIN administrative_areas r ON r.code = d.parent_code JOIN administrative_areas p ON p.code = r.parent_code
      WHERE v.level = 'VILLAGE' AND (r.code = '64.71' OR md5(v.code) < '08')`);
    const { rows: [places] } = await client.query(`SELECT count(*) FILTER (WHERE zone = 'BALIKPAPAN')::int AS local, count(*)::int AS all FROM bench_places`);
    await client.query(`CREATE TEMP TABLE bench_seller_products ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY seller_id) - 1 AS i, seller_id, array_agg(id ORDER BY id) AS products FROM products GROUP BY seller_id`);
    const { rows: [{ count: sellerCount }] } = await client.query('SELECT count(*)::int FROM bench_seller_products');
    const { rows: [rule] } = await client.query(`SELECT id, rate_basis_points FROM commission_rules WHERE scope = 'DEFAULT' AND active`);

    // One row per order: a skewed choice of seller (a few sell much, most little), when it was paid, how.
    const orders = Math.ceil(orderLines / 2);
    const [year, month] = lastMonth.split('-').map(Number);
    const periodEnd = new Date(Date.UTC(year, month, 1) - 8 * 3_600_000); // WITA midnight after the last month
    await client.query('SELECT setseed(0.11)');
    await client.query(
      `CREATE TEMP TABLE bench_orders ON COMMIT DROP AS
       SELECT g, gen_random_uuid() AS order_id, gen_random_uuid() AS seller_order_id, floor($2 * random() ^ 2)::int AS seller_i,
         $3::timestamptz - random() * interval '365 days' AS paid_at, random() < 0.2 AS cod,
         CASE WHEN random() < 0.7 THEN floor(random() * $4)::int ELSE $4 + floor(random() * ($5 - $4))::int END AS place_i,
         floor(random() * $1 / 3)::int AS buyer
       FROM generate_series(0, $1 - 1) g`,
      [orders, sellerCount, periodEnd, places.local, places.all],
    );
    await client.query(
      `CREATE TEMP TABLE bench_lines ON COMMIT DROP AS
       SELECT o.seller_order_id, p.id AS product_id, p.title, p.price_idr, q.quantity, p.weight_grams, p.price_idr * q.quantity AS line_total_idr,
         (p.price_idr * q.quantity * $1 + 5000) / 10000 AS commission_idr
       FROM bench_orders o JOIN bench_seller_products sp ON sp.i = o.seller_i
       CROSS JOIN LATERAL (SELECT n, 1 + (random() < 0.15)::int AS quantity, sp.products[1 + floor(random() * cardinality(sp.products))::int] AS product_id FROM generate_series(1, 2) n WHERE n <= 2 - (o.g * 2 >= $2)::int) q
       JOIN products p ON p.id = q.product_id`,
      [rule.rate_basis_points, orderLines],
    );
    await client.query(`CREATE TEMP TABLE bench_totals ON COMMIT DROP AS
      SELECT seller_order_id, sum(line_total_idr) AS items_idr, sum(weight_grams * quantity) AS grams FROM bench_lines GROUP BY seller_order_id`);
    await client.query(
      `INSERT INTO orders (id, created_at, updated_at, code, idempotency_key, contact_name, contact_phone, recipient_name, recipient_phone, village_code, village, district, regency, province,
         postal_code, street, destination_zone, payment_method, status, items_total_idr, shipping_total_idr, total_idr, placed_at, paid_at, closed_at)
       SELECT o.order_id, o.paid_at - interval '10 minutes', o.paid_at, 'KI-B' || lpad(o.g::text, 7, '0'), 'bench-' || o.g, 'Pembeli ' || o.buyer, '+6281' || lpad(o.buyer::text, 9, '0'),
         'Pembeli ' || o.buyer, '+6281' || lpad(o.buyer::text, 9, '0'), pl.code, pl.village, pl.district, pl.regency, pl.province, '76100', 'Jl. Bench No. ' || (o.g % 200 + 1), pl.zone,
         CASE WHEN o.cod THEN 'COD' ELSE 'CARD' END::payment_method, CASE WHEN o.cod THEN 'CASH_ON_DELIVERY' ELSE 'PAID' END::order_status,
         t.items_idr, 15000, t.items_idr + 15000, o.paid_at - interval '10 minutes', CASE WHEN o.cod THEN NULL ELSE o.paid_at END, NULL
       FROM bench_orders o JOIN bench_totals t ON t.seller_order_id = o.seller_order_id JOIN bench_places pl ON pl.i = o.place_i`,
    );
    await client.query(
      `INSERT INTO seller_orders (id, created_at, updated_at, order_id, seller_id, code, status, placed_at, items_total_idr, shipping_idr, total_idr, shipping_code, shipping_kind, shipping_label,
         eta_min_days, eta_max_days, chargeable_weight_grams, shipped_at, delivered_at, completed_at, cash_collected_at, paid_at)
       SELECT o.seller_order_id, o.paid_at - interval '10 minutes', o.paid_at, o.order_id, sp.seller_id, 'KI-B' || lpad(o.g::text, 7, '0') || '-1', 'COMPLETED', o.paid_at - interval '10 minutes',
         t.items_idr, 15000, t.items_idr + 15000, 'PENDAMPING:ANTAR', 'LOCAL_DELIVERY', 'Antar oleh pendamping', 0, 1, greatest(1000, t.grams),
         o.paid_at + interval '1 day', o.paid_at + interval '2 days', o.paid_at + interval '3 days', CASE WHEN o.cod THEN o.paid_at END, o.paid_at
       FROM bench_orders o JOIN bench_totals t ON t.seller_order_id = o.seller_order_id JOIN bench_seller_products sp ON sp.i = o.seller_i`,
    );
    await client.query(
      `INSERT INTO order_lines (seller_order_id, product_id, title, unit_price_idr, quantity, weight_grams, line_total_idr, stock_released_at, commission_rule_id, commission_rate_basis_points)
       SELECT seller_order_id, product_id, title, price_idr, quantity, weight_grams, line_total_idr, NULL, $1, $2 FROM bench_lines`,
      [rule.id, rule.rate_basis_points],
    );
    // The rollup the ledger's ORDER_PAID postings keep: gross and commission of the lines, sales paid and the last of them, in the WITA month of the payment.
    await client.query(`INSERT INTO ledger_monthly (seller_id, month, sales_idr, commission_idr, sales_count, last_sale_at)
      SELECT sp.seller_id, date_trunc('month', o.paid_at AT TIME ZONE 'Asia/Makassar')::date, sum(l.line_total_idr), sum(l.commission_idr), count(DISTINCT o.seller_order_id), max(o.paid_at)
      FROM bench_lines l JOIN bench_orders o ON o.seller_order_id = l.seller_order_id JOIN bench_seller_products sp ON sp.i = o.seller_i GROUP BY 1, 2`);
    // The buyers' reach the order service counts when the money comes in (OrderRepository.markPaid).
    await client.query(`INSERT INTO seller_reach_monthly (seller_id, month, province, orders)
      SELECT sp.seller_id, date_trunc('month', o.paid_at AT TIME ZONE 'Asia/Makassar')::date, pl.province, count(*)
      FROM bench_orders o JOIN bench_seller_products sp ON sp.i = o.seller_i JOIN bench_places pl ON pl.i = o.place_i GROUP BY 1, 2, 3`);
    const { rows: [counts] } = await client.query(`SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM order_lines)::int AS lines, (SELECT count(*) FROM ledger_monthly)::int AS months`);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
    log(`${counts.orders.toLocaleString('en')} paid orders (a fifth COD), ${counts.lines.toLocaleString('en')} order lines, ${counts.months} seller months in ledger_monthly`);
    return programId.get(data.trainingPrograms[0].slug);
  } finally {
    await client.end();
  }
}
