import { ShippingZone } from './models/shipping.enums.js';
import { billableKilograms, chargeableWeightGrams } from './weight.js';
import { zoneOfVillage } from './zones.js';

describe('shipping zones from Balikpapan', () => {
  it.each([
    ['64.71.04.1004', ShippingZone.BALIKPAPAN], // Karang Jati
    ['64.72.01.1001', ShippingZone.KALTIM], // Samarinda
    ['63.71.01.1001', ShippingZone.KALIMANTAN], // Banjarmasin
    ['65.01.01.2001', ShippingZone.KALIMANTAN], // Kalimantan Utara
    ['31.71.01.1001', ShippingZone.JAWA_BALI],
    ['51.71.01.1001', ShippingZone.JAWA_BALI],
    ['12.71.01.1001', ShippingZone.SUMATRA],
    ['21.71.01.1001', ShippingZone.SUMATRA],
    ['73.71.01.1001', ShippingZone.SULAWESI],
    ['53.71.01.1001', ShippingZone.EASTERN_INDONESIA],
    ['94.01.01.2001', ShippingZone.EASTERN_INDONESIA],
  ])('%s is %s', (code, zone) => {
    expect(zoneOfVillage(code)).toBe(zone);
  });
});

describe('chargeable weight', () => {
  it('sums weights of the pieces', () => {
    expect(chargeableWeightGrams([{ weightGrams: 300, quantity: 2, lengthCm: null, widthCm: null, heightCm: null }, { weightGrams: 450, quantity: 1, lengthCm: null, widthCm: null, heightCm: null }])).toBe(1050);
  });

  it('takes the volumetric weight of a bulky light piece', () => {
    // 40 × 30 × 20 cm / 6000 = 4 kg, though it weighs 600 g.
    expect(chargeableWeightGrams([{ weightGrams: 600, quantity: 1, lengthCm: 40, widthCm: 30, heightCm: 20 }])).toBe(4000);
    expect(chargeableWeightGrams([{ weightGrams: 600, quantity: 1, lengthCm: 10, widthCm: 10, heightCm: 5 }])).toBe(600);
  });

  it('rounds up to whole kilograms, at least one', () => {
    expect(billableKilograms(1)).toBe(1);
    expect(billableKilograms(1000)).toBe(1);
    expect(billableKilograms(1001)).toBe(2);
    expect(billableKilograms(0)).toBe(1);
  });
});
