// Fills a migrated, empty database with N products of the demo seed's kind (its kampung KB, sellers
// and their training cohorts, motifs, titles, descriptions and price bands), repeated and varied until
// there are N, with plain SQL in batches: the products' search trigger fills the search columns as it
// does for the API's own writes. One READY photo per product (URLs are built from the id; no image is read).
import pg from 'pg';
import { buildSeedData } from '../dist/seed/data/index.js';

const BATCH = 5000;

/** Seeds `products` products; returns what the scenarios need (slugs, search terms). */
export async function seedCatalog(databaseUrl, products, log) {
  const data = buildSeedData();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const kampungIds = new Map();
    for (const k of data.kampungs) {
      const { rows } = await client.query(
        `INSERT INTO kampungs (name, slug, kelurahan, kecamatan, kemendagri_code, status, description)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [k.name, k.slug, k.kelurahan, k.kecamatan, k.kemendagriCode, k.status, k.description ?? null],
      );
      kampungIds.set(k.slug, rows[0].id);
    }
    const sellerIds = new Map();
    for (const s of data.sellers) {
      const { rows } = await client.query(
        `INSERT INTO sellers (display_name, slug, kampung_id, story, whatsapp_number, joined_at, is_demo, status, reviewed_at)
         VALUES ($1, $2, $3, $4, $5, $6, true, 'VERIFIED', $6) RETURNING id`,
        [s.displayName, s.slug, kampungIds.get(s.kampungSlug), s.story, s.whatsappNumber, s.joinedAt],
      );
      sellerIds.set(s.slug, rows[0].id);
    }
    // Every demo seller is a trained participant: her product page names her cohorts.
    const programIds = new Map();
    for (const p of data.trainingPrograms) {
      const { rows } = await client.query(
        `INSERT INTO training_programs (slug, title, skill, start_date, end_date, days, budget_idr, provider, participant_count, location, description)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [p.slug, p.title, p.skill, p.startDate, p.endDate, p.days, String(p.budgetIdr), p.provider, p.participantCount, p.location, p.description],
      );
      programIds.set(p.slug, rows[0].id);
    }
    for (const s of data.sellers) {
      for (const slug of s.trainingSlugs) await client.query('INSERT INTO training_enrollments (training_program_id, seller_id) VALUES ($1, $2)', [programIds.get(slug), sellerIds.get(s.slug)]);
    }
    const motifIds = new Map();
    for (const m of data.motifs) {
      const { rows } = await client.query('INSERT INTO motifs (slug, name, story) VALUES ($1, $2, $3) RETURNING id', [m.slug, m.name, m.story ?? null]);
      motifIds.set(m.slug, rows[0].id);
    }

    const templates = data.products.filter((p) => p.status === 'ACTIVE');
    const newest = Date.parse('2026-11-20T12:00:00Z');
    for (let start = 0; start < products; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(start + BATCH, products); i++) {
        const template = templates[i % templates.length];
        const copy = Math.floor(i / templates.length);
        // Copies differ in price (±20 %, whole thousands), stock and age, like a larger marketplace.
        const price = (template.priceIdr * BigInt(80 + ((i * 7919) % 41))) / 100n / 1000n * 1000n;
        rows.push({
          slug: copy === 0 ? template.slug : `${template.slug}-x${copy}`,
          title: copy === 0 ? template.title : `${template.title} ${copy + 1}`,
          template,
          price: price > 0n ? price : template.priceIdr,
          stock: (i * 31) % 12,
          createdAt: new Date(newest - i * 97_000).toISOString(),
        });
      }
      const col = (f) => rows.map(f);
      await client.query(
        `INSERT INTO products (seller_id, slug, title, description, category, technique, motif_id, material, dye, size,
           weight_grams, price_idr, stock, status, created_at, updated_at)
         SELECT u.seller_id, u.slug, u.title, u.description, u.category::product_category, u.technique::batik_technique, u.motif_id,
           u.material, u.dye::dye_type, u.size, u.weight_grams, u.price_idr, u.stock, 'ACTIVE', u.created_at, u.created_at
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::text[],
           $10::text[], $11::int[], $12::bigint[], $13::int[], $14::timestamptz[])
           AS u(seller_id, slug, title, description, category, technique, motif_id, material, dye, size, weight_grams, price_idr, stock, created_at)`,
        [
          col((r) => sellerIds.get(r.template.sellerSlug)),
          col((r) => r.slug),
          col((r) => r.title),
          col((r) => r.template.description),
          col((r) => r.template.category),
          col((r) => r.template.technique),
          col((r) => (r.template.motifSlug ? motifIds.get(r.template.motifSlug) : null)),
          col((r) => r.template.material),
          col((r) => r.template.dye),
          col((r) => r.template.size),
          col((r) => r.template.weightGrams),
          col((r) => r.price.toString()),
          col((r) => r.stock),
          col((r) => r.createdAt),
        ],
      );
      log(`products ${Math.min(start + BATCH, products)} / ${products}`);
    }
    await client.query(`INSERT INTO product_photos (id, product_id, position, original_key, width, height, alt, status)
      SELECT gen_random_uuid(), p.id, 0, 'originals/' || p.id || '/bench', 1200, 900, p.title, 'READY' FROM products p`);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
