import type { SeedTrainingProgram } from './seed-types.js';

export const BATIK_TRAINING_SLUG = 'pelatihan-membatik';
export const BAG_TRAINING_SLUG = 'pelatihan-tas-ramah-lingkungan';

/** Last day of the batik training: sellers join the marketplace after it. */
export const BATIK_TRAINING_END = '2026-03-13';

/** participantCount of the bag cohort is the number of seeded sellers enrolled in it. */
export function buildTrainingPrograms(bagParticipants: number): SeedTrainingProgram[] {
  return [
    {
      slug: BATIK_TRAINING_SLUG,
      title: 'Pelatihan Membatik',
      skill: 'BATIK',
      startDate: '2026-03-10',
      endDate: BATIK_TRAINING_END,
      days: 4,
      // Rp32 juta, the figure DP3AKB gave for this year's training
      budgetIdr: 32_000_000n,
      provider: 'Rumah Batik Shaho',
      participantCount: 60,
      location: 'Kota Balikpapan',
      description:
        'Pelatihan membatik selama empat hari bagi 60 ibu dari kampung KB di Balikpapan, diselenggarakan DP3AKB Kota Balikpapan bersama Rumah Batik Shaho. Peserta belajar dari tahap awal menulis batik di kain hingga tahap akhir menjadi kain batik siap pakai, lalu mendapat pendampingan untuk memasarkan karyanya.',
    },
    {
      slug: BAG_TRAINING_SLUG,
      title: 'Pelatihan Tas Ramah Lingkungan',
      skill: 'BAG',
      startDate: '2025-08-19',
      endDate: '2025-08-21',
      days: 3,
      // Illustrative demo figure: the source story gives no budget for the bag training.
      budgetIdr: 15_000_000n,
      provider: 'DP3AKB Kota Balikpapan',
      participantCount: bagParticipants,
      location: 'Kota Balikpapan',
      description:
        'Pelatihan tiga hari membuat tas ramah lingkungan untuk ibu-ibu kampung KB, diselenggarakan DP3AKB Kota Balikpapan setahun sebelum pelatihan membatik. Peserta belajar membuat tas belanja dari karung goni dan kain, tas dari kain perca, serta tas anyaman dari bungkus kopi bekas.',
    },
  ];
}
