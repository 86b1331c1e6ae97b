import { registerEnumType } from '@nestjs/graphql';

/** Where an ibu sold outside the marketplace (what DP3AKB's pendamping ask about). */
export enum OfflineSaleChannel {
  PASAR = 'PASAR',
  PAMERAN_BAZAR = 'PAMERAN_BAZAR',
  TITIP_TOKO = 'TITIP_TOKO',
  PESANAN_LANGSUNG = 'PESANAN_LANGSUNG',
}
registerEnumType(OfflineSaleChannel, {
  name: 'OfflineSaleChannel',
  description: 'pasar, pameran/bazar, titip di toko, pesanan langsung/WhatsApp',
});

/** Where a figure comes from; kept apart everywhere it is shown. */
export enum IncomeSource {
  /** Marketplace sales: the seller's net income from the ledger (verified). */
  MARKETPLACE = 'MARKETPLACE',
  /** Sales outside the marketplace, recorded by her or her pendamping (self-reported). */
  OFFLINE = 'OFFLINE',
  /** Follow-up survey of her total monthly income, all sources (self-reported). */
  SURVEY = 'SURVEY',
}
registerEnumType(IncomeSource, { name: 'IncomeSource' });

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
  PDF = 'PDF',
}
registerEnumType(ExportFormat, { name: 'ExportFormat' });

export enum ExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  READY = 'READY',
  FAILED = 'FAILED',
}
registerEnumType(ExportStatus, { name: 'ExportStatus' });

/** Follow-up surveys are due this many months after a cohort's last day. */
export const SURVEY_WAVES = [3, 6, 12] as const;
