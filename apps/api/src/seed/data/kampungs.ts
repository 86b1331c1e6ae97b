import type { SeedKampung } from './seed-types.js';

/**
 * The six kampung KB named in the DP3AKB training story plus Karang Joang, the 11th kampung the
 * programme aims to add. The programme has 11; the other four are not named, so not seeded.
 */
export const KAMPUNGS: readonly SeedKampung[] = [
  {
    slug: 'karang-jati',
    name: 'Karang Jati',
    kelurahan: 'Karang Jati',
    kecamatan: 'Balikpapan Tengah',
    kemendagriCode: '64.71.04.1004',
    status: 'ACTIVE',
    description:
      'Kampung KB di Kelurahan Karang Jati, Balikpapan Tengah. Ibu-ibunya ikut pelatihan membatik DP3AKB Kota Balikpapan.',
  },
  {
    slug: 'mekar-sari',
    name: 'Mekar Sari',
    kelurahan: 'Mekar Sari',
    kecamatan: 'Balikpapan Tengah',
    kemendagriCode: '64.71.04.1005',
    status: 'ACTIVE',
    description:
      'Kampung KB di Kelurahan Mekar Sari, Balikpapan Tengah. Ibu-ibu di sini belajar membatik di sela mengurus keluarga.',
  },
  {
    slug: 'teritip',
    name: 'Teritip',
    kelurahan: 'Teritip',
    kecamatan: 'Balikpapan Timur',
    kemendagriCode: '64.71.01.1003',
    status: 'ACTIVE',
    description:
      'Kampung KB di Kelurahan Teritip, Balikpapan Timur, di pesisir timur kota. Ibu-ibunya ikut pelatihan membatik DP3AKB Kota Balikpapan.',
  },
  {
    slug: 'lamaru',
    name: 'Lamaru',
    kelurahan: 'Lamaru',
    kecamatan: 'Balikpapan Timur',
    kemendagriCode: '64.71.01.1002',
    status: 'ACTIVE',
    description:
      'Kampung KB di Kelurahan Lamaru, Balikpapan Timur, kawasan pesisir di timur kota. Ibu-ibunya ikut pelatihan membatik DP3AKB Kota Balikpapan.',
  },
  {
    slug: 'manggar',
    name: 'Manggar',
    kelurahan: 'Manggar',
    kecamatan: 'Balikpapan Timur',
    kemendagriCode: '64.71.01.1001',
    status: 'ACTIVE',
    description:
      'Kampung KB di Kelurahan Manggar, Balikpapan Timur, kawasan pesisir yang dikenal dengan pantainya. Ibu-ibunya belajar membatik bersama Rumah Batik Shaho.',
  },
  {
    slug: 'muara-rapak',
    name: 'Muara Rapak',
    kelurahan: 'Muara Rapak',
    kecamatan: 'Balikpapan Utara',
    kemendagriCode: '64.71.03.1004',
    status: 'ACTIVE',
    description:
      'Kampung KB di Kelurahan Muara Rapak, Balikpapan Utara. Ibu-ibunya mengikuti pelatihan membatik bersama Rumah Batik Shaho.',
  },
  {
    slug: 'karang-joang',
    name: 'Karang Joang',
    kelurahan: 'Karang Joang',
    kecamatan: 'Balikpapan Utara',
    kemendagriCode: '64.71.03.1003',
    status: 'TARGET',
    description:
      'Kelurahan Karang Joang, Balikpapan Utara, ditargetkan menjadi kampung KB ke-11 di Kota Balikpapan. Belum ada penjual dari kampung ini.',
  },
];
