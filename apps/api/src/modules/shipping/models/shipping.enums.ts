import { registerEnumType } from '@nestjs/graphql';

/** Destination zones of the rate table, all from Balikpapan (every seller's kampung KB is there). */
export enum ShippingZone {
  BALIKPAPAN = 'BALIKPAPAN',
  /** Kalimantan Timur outside Balikpapan. */
  KALTIM = 'KALTIM',
  /** The other provinces of Kalimantan. */
  KALIMANTAN = 'KALIMANTAN',
  JAWA_BALI = 'JAWA_BALI',
  SUMATRA = 'SUMATRA',
  SULAWESI = 'SULAWESI',
  /** Nusa Tenggara, Maluku and Papua. */
  EASTERN_INDONESIA = 'EASTERN_INDONESIA',
}
registerEnumType(ShippingZone, { name: 'ShippingZone' });

export enum ShippingKind {
  /** A courier service, priced per kilogram. */
  COURIER = 'COURIER',
  /** "Ambil di kampung": the buyer collects it at the seller's kampung, free. */
  PICKUP = 'PICKUP',
  /** "Antar oleh pendamping": delivered inside Balikpapan by the kampung's pendamping, flat fee. */
  LOCAL_DELIVERY = 'LOCAL_DELIVERY',
}
registerEnumType(ShippingKind, { name: 'ShippingKind' });
