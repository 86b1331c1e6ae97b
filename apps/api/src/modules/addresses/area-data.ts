import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { QueryRunner } from 'typeorm';

/**
 * Loads Indonesia's administrative areas from the idn-area-data package (Kemendagri codes and names,
 * kept up to date by its maintainers) into administrative_areas, as an upsert: a migration runs it, and
 * a later migration after upgrading the package runs it again to take the new regulation's areas.
 */
export async function loadAdministrativeAreas(queryRunner: QueryRunner): Promise<number> {
  const dataDir = path.join(path.dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
  const files: [file: string, level: string, parent: string | null][] = [
    ['provinces.csv', 'PROVINCE', null],
    ['regencies.csv', 'REGENCY', 'province_code'],
    ['districts.csv', 'DISTRICT', 'regency_code'],
    ['villages.csv', 'VILLAGE', 'district_code'],
  ];
  let total = 0;
  for (const [file, level, parentColumn] of files) {
    const rows = parse(readFileSync(path.join(dataDir, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
    for (let start = 0; start < rows.length; start += 10_000) {
      const batch = rows.slice(start, start + 10_000);
      await queryRunner.query(
        `INSERT INTO administrative_areas (code, parent_code, level, name)
         SELECT code, parent, $4::area_level, name FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS t(code, parent, name)
         ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, name = EXCLUDED.name`,
        [batch.map((row) => row.code), batch.map((row) => (parentColumn ? row[parentColumn] : null)), batch.map((row) => row.name), level],
      );
    }
    total += rows.length;
  }
  return total;
}
