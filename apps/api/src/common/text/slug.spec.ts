import { slugify, uniqueSlugger } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Siti Rahmawati', 'siti-rahmawati'],
    ['Karang Jati', 'karang-jati'],
    ['  Kain Batik Tulis Beruang Madu 2 m  ', 'kain-batik-tulis-beruang-madu-2-m'],
    ['Pelatihan Tas Ramah-Lingkungan!!', 'pelatihan-tas-ramah-lingkungan'],
    ['Batik Café Crème', 'batik-cafe-creme'],
    ['Ñoño Über Ærø Łódź straße', 'nono-uber-aero-lodz-strasse'],
    ['Taplak 150 × 150 cm', 'taplak-150-x-150-cm'],
    ['Kopi & Batik', 'kopi-dan-batik'],
    ["Bua' Tandi", 'bua-tandi'],
    ['A---B___C', 'a-b-c'],
    ['🌿 Anggrek Hitam 🌿', 'anggrek-hitam'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('only ever produces lowercase ASCII letters, digits and single inner hyphens', () => {
    const samples = ['ÀÉÎÕÜ çà', 'x—y–z', 'Rp350.000,00', 'Hj. Nurhayati, S.Pd.', '\t\n'];
    for (const s of samples) expect(slugify(s)).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
  });
});

describe('uniqueSlugger', () => {
  it('suffixes duplicates in order and keeps distinct slugs untouched', () => {
    const next = uniqueSlugger();
    expect(next('Siti Rahmawati')).toBe('siti-rahmawati');
    expect(next('Siti  Rahmawati')).toBe('siti-rahmawati-2');
    expect(next('Sri Lestari')).toBe('sri-lestari');
    expect(next('siti rahmawati')).toBe('siti-rahmawati-3');
  });

  it('does not collide with a literal that already looks suffixed', () => {
    const next = uniqueSlugger();
    expect(next('Tas Perca 2')).toBe('tas-perca-2');
    expect(next('Tas Perca')).toBe('tas-perca');
    expect(next('Tas Perca')).toBe('tas-perca-3');
  });
});
