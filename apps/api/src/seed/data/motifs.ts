import type { SeedMotif } from './seed-types.js';

/** Motifs drawn by the sellers. Local stories stay at the level of common knowledge. */
export const MOTIFS: readonly SeedMotif[] = [
  {
    slug: 'beruang-madu',
    name: 'Beruang Madu',
    story:
      'Beruang madu adalah maskot Kota Balikpapan. Motif ini menggambarkan beruang kecil berbulu hitam dengan tanda kuning berbentuk bulan sabit di dadanya.',
  },
  {
    slug: 'akar-bakau',
    name: 'Akar Bakau',
    story:
      'Akar bakau yang mencengkeram lumpur pesisir terinspirasi dari hutan mangrove Balikpapan, seperti di Mangrove Center Margomulyo. Mangrove menjaga pantai dari abrasi dan menjadi rumah bagi bekantan dan ikan.',
  },
  {
    slug: 'kantong-semar',
    name: 'Kantong Semar',
    story:
      'Kantong semar adalah tumbuhan berkantong yang tumbuh di hutan Kalimantan. Kantongnya yang unik menjebak serangga kecil sebagai makanan.',
  },
  {
    slug: 'daun-ulin',
    name: 'Daun Ulin',
    story:
      'Ulin atau kayu besi adalah pohon khas Kalimantan yang kayunya sangat kuat dan awet. Daunnya menjadi lambang keteguhan.',
  },
  {
    slug: 'anggrek-hitam',
    name: 'Anggrek Hitam',
    story:
      'Anggrek hitam adalah flora identitas Kalimantan Timur. Kelopaknya hijau dengan bibir bunga berwarna hitam yang menjadi cirinya.',
  },
  {
    slug: 'pasak-bumi',
    name: 'Pasak Bumi',
    story:
      'Pasak bumi adalah tumbuhan hutan Kalimantan yang akarnya panjang menghunjam ke tanah dan dikenal sebagai tanaman obat tradisional.',
  },
  {
    slug: 'buah-elai',
    name: 'Buah Elai',
    story:
      'Elai adalah buah kerabat durian dari Kalimantan dengan daging buah berwarna kuning hingga jingga. Motifnya menggambarkan buah berduri yang bulat.',
  },
  { slug: 'kawung', name: 'Kawung', story: 'Motif klasik berupa empat bentuk bulat telur yang tersusun seperti bunga, salah satu motif batik tertua di Jawa.' },
  { slug: 'parang', name: 'Parang', story: null },
  { slug: 'truntum', name: 'Truntum', story: null },
  {
    slug: 'manggar',
    name: 'Manggar',
    story: 'Manggar adalah bunga kelapa. Motif ini juga mengingatkan pada Pantai Manggar di pesisir timur Balikpapan.',
  },
];

/** Motifs with a Balikpapan / East Kalimantan story: the sellers draw these most often. */
export const LOCAL_MOTIF_SLUGS = ['beruang-madu', 'akar-bakau', 'kantong-semar', 'daun-ulin', 'anggrek-hitam', 'pasak-bumi', 'buah-elai'] as const;
export const CLASSIC_MOTIF_SLUGS = ['kawung', 'parang', 'truntum', 'manggar'] as const;
