/**
 * Indonesian banks a seller can be paid to, with their three-digit bank codes (kode bank, the code
 * interbank transfers and bulk-transfer files use). The banks of Balikpapan's households first:
 * the big four, BSI, and Bankaltimtara, East Kalimantan's own.
 */
export const BANKS: readonly { code: string; name: string }[] = [
  { code: '014', name: 'BCA (Bank Central Asia)' },
  { code: '002', name: 'BRI (Bank Rakyat Indonesia)' },
  { code: '008', name: 'Bank Mandiri' },
  { code: '009', name: 'BNI (Bank Negara Indonesia)' },
  { code: '451', name: 'BSI (Bank Syariah Indonesia)' },
  { code: '124', name: 'Bankaltimtara (BPD Kalimantan Timur dan Kalimantan Utara)' },
  { code: '200', name: 'BTN (Bank Tabungan Negara)' },
  { code: '022', name: 'CIMB Niaga' },
  { code: '011', name: 'Bank Danamon' },
  { code: '013', name: 'Bank Permata' },
  { code: '016', name: 'Maybank Indonesia' },
  { code: '019', name: 'Panin Bank' },
  { code: '028', name: 'OCBC NISP' },
  { code: '147', name: 'Bank Muamalat' },
  { code: '426', name: 'Bank Mega' },
  { code: '213', name: 'SMBC Indonesia (BTPN)' },
  { code: '536', name: 'BCA Syariah' },
  { code: '535', name: 'SeaBank' },
  { code: '542', name: 'Bank Jago' },
];

export const bankByCode = (code: string | null) => BANKS.find((bank) => bank.code === code) ?? null;
