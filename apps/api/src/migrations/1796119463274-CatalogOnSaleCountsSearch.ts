import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the storefront reads at every request, kept ready by triggers instead of computed per request:
 * - `products.on_sale` (ACTIVE and from a verified seller) with partial indexes for the keyset pages;
 * - `catalog_counts`: on-sale products per seller, category and technique, so a listing's total is a
 *   sum over a few rows, not a count over the catalogue;
 * - search: the motif's story joins the document (weight D), a lexicon of the catalogue's words lets a
 *   search correct its typos (`catalog_search_query`, `catalog_search_suggestion`), and the document
 *   is refreshed only when searchable text changes (a stock change no longer rebuilds it).
 */
export class CatalogOnSaleCountsSearch1796119463274 implements MigrationInterface {
  name = 'CatalogOnSaleCountsSearch1796119463274';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // --- On sale, on the row.
    await queryRunner.query(`ALTER TABLE products ADD COLUMN on_sale boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE FUNCTION products_on_sale() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.on_sale := NEW.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM sellers s WHERE s.id = NEW.seller_id AND s.status = 'VERIFIED');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER products_on_sale BEFORE INSERT OR UPDATE OF status, seller_id, on_sale ON products FOR EACH ROW EXECUTE FUNCTION products_on_sale()`);
    await queryRunner.query(`
      CREATE FUNCTION sellers_on_sale() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Setting on_sale runs products_on_sale, which decides from the seller's new status.
        UPDATE products SET on_sale = NOT on_sale WHERE seller_id = NEW.id AND on_sale IS DISTINCT FROM (status = 'ACTIVE' AND NEW.status = 'VERIFIED');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER sellers_on_sale AFTER UPDATE OF status ON sellers FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION sellers_on_sale()`);
    await queryRunner.query(`UPDATE products SET on_sale = NOT on_sale WHERE on_sale IS DISTINCT FROM (status = 'ACTIVE' AND seller_id IN (SELECT id FROM sellers WHERE status = 'VERIFIED'))`);
    await queryRunner.query(`DROP INDEX idx_products_status_created`);
    await queryRunner.query(`DROP INDEX idx_products_status_price`);
    await queryRunner.query(`CREATE INDEX idx_products_on_sale_newest ON products (created_at DESC, id DESC) WHERE on_sale`);
    await queryRunner.query(`CREATE INDEX idx_products_on_sale_price ON products (price_idr, id) WHERE on_sale`);
    await queryRunner.query(`CREATE INDEX idx_products_on_sale_seller ON products (seller_id, created_at DESC, id DESC) WHERE on_sale`);
    await queryRunner.query(`CREATE INDEX idx_products_seller_created ON products (seller_id, created_at, id)`);

    // --- Counts of on-sale products.
    await queryRunner.query(`CREATE TABLE catalog_counts (
      seller_id uuid NOT NULL, category product_category NOT NULL, technique character varying NOT NULL DEFAULT '', products integer NOT NULL,
      CONSTRAINT pk_catalog_counts PRIMARY KEY (seller_id, category, technique))`);
    await queryRunner.query(`
      CREATE FUNCTION products_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.on_sale THEN
          UPDATE catalog_counts SET products = products - 1
           WHERE seller_id = OLD.seller_id AND category = OLD.category AND technique = coalesce(OLD.technique::text, '');
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.on_sale THEN
          INSERT INTO catalog_counts AS c (seller_id, category, technique, products) VALUES (NEW.seller_id, NEW.category, coalesce(NEW.technique::text, ''), 1)
          ON CONFLICT (seller_id, category, technique) DO UPDATE SET products = c.products + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER products_count_insert AFTER INSERT ON products FOR EACH ROW WHEN (NEW.on_sale) EXECUTE FUNCTION products_count()`);
    await queryRunner.query(`CREATE TRIGGER products_count_update AFTER UPDATE ON products FOR EACH ROW
      WHEN ((OLD.on_sale, OLD.seller_id, OLD.category, OLD.technique) IS DISTINCT FROM (NEW.on_sale, NEW.seller_id, NEW.category, NEW.technique))
      EXECUTE FUNCTION products_count()`);
    await queryRunner.query(`CREATE TRIGGER products_count_delete AFTER DELETE ON products FOR EACH ROW WHEN (OLD.on_sale) EXECUTE FUNCTION products_count()`);
    await queryRunner.query(`INSERT INTO catalog_counts (seller_id, category, technique, products)
      SELECT seller_id, category, coalesce(technique::text, ''), count(*) FROM products WHERE on_sale GROUP BY 1, 2, 3`);

    // --- Search.
    await queryRunner.query(`CREATE TABLE search_lexicon (word character varying NOT NULL, CONSTRAINT pk_search_lexicon PRIMARY KEY (word))`);
    await queryRunner.query(`CREATE INDEX idx_search_lexicon_trgm ON search_lexicon USING gin (word gin_trgm_ops)`);
    await queryRunner.query(`DROP TRIGGER products_search_refresh ON products`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION products_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        motif_name text;
        motif_story text;
        seller_name text;
        kampung_name text;
      BEGIN
        SELECT m.name, m.story INTO motif_name, motif_story FROM motifs m WHERE m.id = NEW.motif_id;
        SELECT s.display_name, k.name INTO seller_name, kampung_name
          FROM sellers s JOIN kampungs k ON k.id = s.kampung_id WHERE s.id = NEW.seller_id;
        NEW.search_text := lower(concat_ws(' ', NEW.title, motif_name, NEW.material, seller_name, kampung_name));
        NEW.search_vector :=
             setweight(to_tsvector('indonesian', coalesce(NEW.title, '')), 'A')
          || setweight(to_tsvector('simple', coalesce(motif_name, '')), 'A')
          || setweight(to_tsvector('simple', concat_ws(' ', seller_name, kampung_name)), 'B')
          || setweight(to_tsvector('indonesian', concat_ws(' ', NEW.material, NEW.description)), 'C')
          || setweight(to_tsvector('indonesian', coalesce(motif_story, '')), 'D');
        -- In sorted order, so writers that add the same new words take their row locks in one order.
        INSERT INTO search_lexicon (word)
          SELECT DISTINCT w FROM regexp_split_to_table(lower(concat_ws(' ', NEW.search_text, NEW.description, motif_story)), '[^a-z0-9]+') w
          WHERE length(w) BETWEEN 3 AND 40 ORDER BY w
          ON CONFLICT DO NOTHING;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER products_search_refresh BEFORE INSERT OR UPDATE OF title, description, material, motif_id, seller_id, search_text ON products
      FOR EACH ROW EXECUTE FUNCTION products_search_refresh()`);
    await queryRunner.query(`DROP TRIGGER motifs_search_touch ON motifs`);
    await queryRunner.query(`CREATE TRIGGER motifs_search_touch AFTER UPDATE OF name, story ON motifs FOR EACH ROW EXECUTE FUNCTION products_search_touch()`);
    await queryRunner.query(`DROP INDEX idx_products_search_text_trgm`);
    await queryRunner.query(`UPDATE products SET search_text = search_text`);
    await queryRunner.query(`
      CREATE FUNCTION catalog_search_query(search text) RETURNS tsquery LANGUAGE plpgsql STABLE AS $$
      DECLARE
        w text;
        term tsquery;
        result tsquery;
        best real;
        alternative record;
      BEGIN
        -- Words of letters and digits only: nothing of the input reaches tsquery syntax.
        FOR w IN SELECT x FROM regexp_split_to_table(lower(search), '[^a-z0-9]+') x WHERE x <> '' LIMIT 8 LOOP
          term := to_tsquery('simple', w || CASE WHEN length(w) >= 4 THEN ':*' ELSE '' END) || to_tsquery('indonesian', w);
          IF length(w) >= 3 AND NOT EXISTS (SELECT 1 FROM search_lexicon l WHERE l.word = w) THEN
            best := NULL;
            FOR alternative IN SELECT l.word, similarity(l.word, w) AS score FROM search_lexicon l WHERE l.word % w ORDER BY 2 DESC, 1 LIMIT 3 LOOP
              best := coalesce(best, alternative.score);
              EXIT WHEN alternative.score < best - 0.15;
              term := term || to_tsquery('simple', alternative.word) || to_tsquery('indonesian', alternative.word);
            END LOOP;
          END IF;
          result := CASE WHEN result IS NULL THEN term ELSE result && term END;
        END LOOP;
        RETURN result;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION catalog_search_suggestion(search text) RETURNS text LANGUAGE sql STABLE AS $$
        WITH words AS (
          SELECT x AS word, n FROM regexp_split_to_table(lower(search), '[^a-z0-9]+') WITH ORDINALITY AS t(x, n) WHERE x <> ''
        ), corrected AS (
          SELECT n, w.word AS original, coalesce((
            SELECT l.word FROM search_lexicon l
            WHERE length(w.word) >= 3 AND NOT EXISTS (SELECT 1 FROM search_lexicon k WHERE k.word = w.word) AND l.word % w.word
            ORDER BY similarity(l.word, w.word) DESC, l.word LIMIT 1), w.word) AS word
          FROM words w
        )
        SELECT CASE WHEN bool_or(word <> original) THEN string_agg(word, ' ' ORDER BY n) END FROM corrected
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION catalog_search_suggestion(text)`);
    await queryRunner.query(`DROP FUNCTION catalog_search_query(text)`);
    await queryRunner.query(`CREATE INDEX idx_products_search_text_trgm ON products USING gin (search_text gin_trgm_ops)`);
    await queryRunner.query(`DROP TRIGGER motifs_search_touch ON motifs`);
    await queryRunner.query(`CREATE TRIGGER motifs_search_touch AFTER UPDATE OF name ON motifs FOR EACH ROW EXECUTE FUNCTION products_search_touch()`);
    await queryRunner.query(`DROP TRIGGER products_search_refresh ON products`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION products_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        motif_name text;
        seller_name text;
        kampung_name text;
      BEGIN
        SELECT m.name INTO motif_name FROM motifs m WHERE m.id = NEW.motif_id;
        SELECT s.display_name, k.name INTO seller_name, kampung_name
          FROM sellers s JOIN kampungs k ON k.id = s.kampung_id WHERE s.id = NEW.seller_id;
        NEW.search_text := lower(concat_ws(' ', NEW.title, motif_name, NEW.material, seller_name, kampung_name));
        NEW.search_vector :=
             setweight(to_tsvector('indonesian', coalesce(NEW.title, '')), 'A')
          || setweight(to_tsvector('simple', coalesce(motif_name, '')), 'A')
          || setweight(to_tsvector('simple', concat_ws(' ', seller_name, kampung_name)), 'B')
          || setweight(to_tsvector('indonesian', concat_ws(' ', NEW.material, NEW.description)), 'C');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER products_search_refresh BEFORE INSERT OR UPDATE ON products FOR EACH ROW EXECUTE FUNCTION products_search_refresh()`);
    await queryRunner.query(`UPDATE products SET search_text = search_text`);
    await queryRunner.query(`DROP TABLE search_lexicon`);
    await queryRunner.query(`DROP TRIGGER products_count_delete ON products`);
    await queryRunner.query(`DROP TRIGGER products_count_update ON products`);
    await queryRunner.query(`DROP TRIGGER products_count_insert ON products`);
    await queryRunner.query(`DROP FUNCTION products_count()`);
    await queryRunner.query(`DROP TABLE catalog_counts`);
    await queryRunner.query(`DROP INDEX idx_products_seller_created`);
    await queryRunner.query(`DROP INDEX idx_products_on_sale_seller`);
    await queryRunner.query(`DROP INDEX idx_products_on_sale_price`);
    await queryRunner.query(`DROP INDEX idx_products_on_sale_newest`);
    await queryRunner.query(`CREATE INDEX idx_products_status_price ON products (status, price_idr, id)`);
    await queryRunner.query(`CREATE INDEX idx_products_status_created ON products (status, created_at, id)`);
    await queryRunner.query(`DROP TRIGGER sellers_on_sale ON sellers`);
    await queryRunner.query(`DROP FUNCTION sellers_on_sale()`);
    await queryRunner.query(`DROP TRIGGER products_on_sale ON products`);
    await queryRunner.query(`DROP FUNCTION products_on_sale()`);
    await queryRunner.query(`ALTER TABLE products DROP COLUMN on_sale`);
  }
}
