import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';

@Injectable()
export class ProductViewRepository {
  /** This process's copy of today's salt (the database has the one every process shares). */
  private salt: { day: string; value: Promise<Buffer> } | null = null;

  constructor(
    private readonly db: TransactionalConnection,
    // The day's salt is the process's, shared by every request: made on the pool, in no request's transaction.
    private readonly dataSource: DataSource,
  ) {}

  /** The day's salt, made by whichever process needs it first; the day before is forgotten then. */
  daySalt(day: string): Promise<Buffer> {
    if (this.salt?.day !== day) {
      const value = this.startDay(day);
      this.salt = { day, value };
      value.catch(() => {
        if (this.salt?.value === value) this.salt = null;
      });
    }
    return this.salt.value;
  }

  private async startDay(day: string): Promise<Buffer> {
    // DO UPDATE (a no-op) rather than DO NOTHING: it returns the row a concurrent process just made.
    const [{ salt }]: { salt: Buffer }[] = await this.dataSource.query(
      'INSERT INTO product_view_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET day = EXCLUDED.day RETURNING salt',
      [day, randomBytes(32)],
    );
    // Dedupe rows only matter on their own day: a cheap range delete keeps the tables at about one day.
    await this.dataSource.query('DELETE FROM product_view_visitors WHERE day < $1', [day]);
    await this.dataSource.query('DELETE FROM product_view_addresses WHERE day < $1', [day]);
    await this.dataSource.query('DELETE FROM product_view_salts WHERE day < $1', [day]);
    return salt;
  }

  /**
   * Counts the view of an on-sale product if this visitor has not been counted on it that day and
   * her address has not yet brought `maxPerAddress` visitors of it; one statement, safe in parallel.
   * False when there is no such product.
   */
  async recordView(ctx: RequestContext, slug: string, day: string, visitorHash: Buffer, addressHash: Buffer, maxPerAddress: number): Promise<boolean> {
    const [{ found }]: { found: number }[] = await this.db.manager(ctx).query(
      `WITH product AS (
         SELECT p.id FROM products p
         WHERE p.slug = $1 AND p.status = 'ACTIVE' AND p.seller_id IN (SELECT s.id FROM sellers s WHERE s.status = 'VERIFIED')
       ), new_visitor AS (
         INSERT INTO product_view_visitors (day, product_id, visitor_hash) SELECT $2::date, id, $3 FROM product
         ON CONFLICT DO NOTHING
         RETURNING product_id
       ), admitted AS (
         INSERT INTO product_view_addresses AS a (day, product_id, address_hash, visitors) SELECT $2::date, product_id, $4, 1 FROM new_visitor
         ON CONFLICT (day, product_id, address_hash) DO UPDATE SET visitors = a.visitors + 1 WHERE a.visitors < $5
         RETURNING product_id
       ), counted AS (
         INSERT INTO product_view_days AS d (product_id, day, views) SELECT product_id, $2::date, 1 FROM admitted
         ON CONFLICT (product_id, day) DO UPDATE SET views = d.views + 1
       )
       SELECT count(*)::int AS found FROM product`,
      [slug, day, visitorHash, addressHash, maxPerAddress],
    );
    return found > 0;
  }

  async viewsSince(ctx: RequestContext, productIds: readonly string[], since: string): Promise<Map<string, number>> {
    if (productIds.length === 0) return new Map();
    const rows: { product_id: string; views: string }[] = await this.db.manager(ctx).query(
      'SELECT product_id, sum(views) AS views FROM product_view_days WHERE product_id = ANY($1) AND day >= $2::date GROUP BY product_id',
      [productIds, since],
    );
    return new Map(rows.map((row) => [row.product_id, Number(row.views)]));
  }
}
