import { ShippingZone } from './models/shipping.enums.js';

const BALIKPAPAN_REGENCY = '64.71';
const KALTIM = '64';
const KALIMANTAN = ['61', '62', '63', '65'];
const JAWA_BALI = ['31', '32', '33', '34', '35', '36', '51'];
const SUMATRA = ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21'];
const SULAWESI = ['71', '72', '73', '74', '75', '76'];

/** The zone of a kelurahan/desa by its Kemendagri code (the province is its first two digits). */
export function zoneOfVillage(villageCode: string): ShippingZone {
  const province = villageCode.slice(0, 2);
  if (villageCode.startsWith(`${BALIKPAPAN_REGENCY}.`)) return ShippingZone.BALIKPAPAN;
  if (province === KALTIM) return ShippingZone.KALTIM;
  if (KALIMANTAN.includes(province)) return ShippingZone.KALIMANTAN;
  if (JAWA_BALI.includes(province)) return ShippingZone.JAWA_BALI;
  if (SUMATRA.includes(province)) return ShippingZone.SUMATRA;
  if (SULAWESI.includes(province)) return ShippingZone.SULAWESI;
  return ShippingZone.EASTERN_INDONESIA;
}
