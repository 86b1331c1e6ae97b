import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Product search: a trigger keeps a weighted full-text vector (Indonesian stemming for prose, plain
 * words for names) and a trigram text (for typos) in step with the product, its motif, maker and kampung.
 */
export class ProductSearch1795829700000 implements MigrationInterface {
  name = 'ProductSearch1795829700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE FUNCTION products_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
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

    // A renamed seller, kampung or motif re-runs the product trigger for the products that name it.
    await queryRunner.query(`
      CREATE FUNCTION products_search_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'sellers' THEN
          UPDATE products SET search_text = search_text WHERE seller_id = NEW.id;
        ELSIF TG_TABLE_NAME = 'kampungs' THEN
          UPDATE products p SET search_text = p.search_text FROM sellers s WHERE s.id = p.seller_id AND s.kampung_id = NEW.id;
        ELSIF TG_TABLE_NAME = 'motifs' THEN
          UPDATE products SET search_text = search_text WHERE motif_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER sellers_search_touch AFTER UPDATE OF display_name, kampung_id ON sellers FOR EACH ROW EXECUTE FUNCTION products_search_touch()`);
    await queryRunner.query(`CREATE TRIGGER kampungs_search_touch AFTER UPDATE OF name ON kampungs FOR EACH ROW EXECUTE FUNCTION products_search_touch()`);
    await queryRunner.query(`CREATE TRIGGER motifs_search_touch AFTER UPDATE OF name ON motifs FOR EACH ROW EXECUTE FUNCTION products_search_touch()`);

    await queryRunner.query(`CREATE INDEX idx_products_search_vector ON products USING gin (search_vector)`);
    await queryRunner.query(`CREATE INDEX idx_products_search_text_trgm ON products USING gin (search_text gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX idx_products_search_text_trgm`);
    await queryRunner.query(`DROP INDEX idx_products_search_vector`);
    await queryRunner.query(`DROP TRIGGER motifs_search_touch ON motifs`);
    await queryRunner.query(`DROP TRIGGER kampungs_search_touch ON kampungs`);
    await queryRunner.query(`DROP TRIGGER sellers_search_touch ON sellers`);
    await queryRunner.query(`DROP FUNCTION products_search_touch()`);
    await queryRunner.query(`DROP TRIGGER products_search_refresh ON products`);
    await queryRunner.query(`DROP FUNCTION products_search_refresh()`);
  }
}
