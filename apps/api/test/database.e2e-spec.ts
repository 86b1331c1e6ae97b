import { createTestApp, type TestApp } from './harness/test-app.js';

describe('database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('matches the entities exactly after the migrations (no change left for synchronize)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('stores money in bigint columns and times in timestamptz', async () => {
    const columns: { table_name: string; column_name: string; data_type: string }[] = await t.dataSource.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND (column_name LIKE '%\\_idr' OR column_name LIKE '%\\_at')`,
    );
    expect(columns.length).toBeGreaterThan(10);
    for (const column of columns) {
      expect(`${column.table_name}.${column.column_name}: ${column.data_type}`).toMatch(column.column_name.endsWith('_idr') ? /: bigint$/ : /: timestamp with time zone$/);
    }
  });

  it('has an index behind every catalog filter and order', async () => {
    const indexes: { indexdef: string }[] = await t.dataSource.query(`SELECT indexdef FROM pg_indexes WHERE tablename IN ('products', 'sellers', 'product_photos', 'search_lexicon')`);
    const definitions = indexes.map((index) => index.indexdef).join('\n');
    for (const expected of [
      /products USING btree \(category\)/,
      /products USING btree \(technique\)/,
      /products USING btree \(seller_id\)/,
      /products USING btree \(price_idr, id\) WHERE on_sale/,
      /products USING btree \(created_at DESC, id DESC\) WHERE on_sale/,
      /products USING btree \(seller_id, created_at DESC, id DESC\) WHERE on_sale/,
      /products USING btree \(seller_id, created_at, id\)/,
      /products USING gin \(search_vector\)/,
      /search_lexicon USING gin \(word gin_trgm_ops\)/,
      /sellers USING btree \(kampung_id\)/,
      /product_photos USING btree \(product_id, "?position"?\)/,
    ]) {
      expect(definitions).toMatch(expected);
    }
  });
});
