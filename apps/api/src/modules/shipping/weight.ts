/** One piece as it is packed: its weight and, when the seller gave them, its dimensions. */
export interface Parcel {
  weightGrams: number;
  quantity: number;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
}

/** Couriers' volumetric divisor: length × width × height in cm / 6000 = kilograms. */
const VOLUMETRIC_DIVISOR = 6000;

/** What a courier charges for: per piece the greater of its weight and its volumetric weight, summed. */
export function chargeableWeightGrams(parcels: readonly Parcel[]): number {
  return parcels.reduce((sum, p) => {
    const volumetric = p.lengthCm && p.widthCm && p.heightCm ? Math.ceil((p.lengthCm * p.widthCm * p.heightCm * 1000) / VOLUMETRIC_DIVISOR) : 0;
    return sum + Math.max(p.weightGrams, volumetric) * p.quantity;
  }, 0);
}

/** Couriers price whole kilograms, rounded up, at least one. */
export const billableKilograms = (grams: number): number => Math.max(1, Math.ceil(grams / 1000));
