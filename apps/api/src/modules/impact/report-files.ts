import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { monthNameId, ROI_CAVEAT } from './impact.service.js';
import type { ImpactGroupRow, ImpactReport, IncomeSummary } from './models/impact-report.model.js';

/** What a report file shows: the report, what it is about (in words), and whether it names people. */
export interface ReportDocument {
  report: ImpactReport;
  /** e.g. [["Pelatihan", "Pelatihan Membatik"], ["Kampung KB", "Teritip"]] */
  scope: [string, string][];
  withNames: boolean;
  generatedAt: Date;
}

const rp = (value: bigint | null | undefined) => (value === null || value === undefined ? '—' : `Rp ${value.toLocaleString('id-ID')}`);
const pct = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value.toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`);
const num = (value: bigint | null) => (value === null ? null : Number(value));
const when = (date: Date) =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date).replace(/\./g, '.') + ' WITA';
const dateId = (date: string) => new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T00:00:00Z`));

export const periodText = (r: ImpactReport) => `${monthNameId(r.period.from)} – ${monthNameId(r.period.to)}`;
const marketplaceText = (r: ImpactReport, value: bigint | null) => (r.marketplaceHasData ? rp(value) : 'belum ada data');

/** The headline figures, as label and value lines (shared by every format). */
export function headline(r: ImpactReport): [string, string][] {
  const retention = (months: number) => {
    const point = r.retention.find((p) => p.months === months)!;
    return point.rate === null ? 'belum bisa diukur' : `${pct(point.rate * 100)} (${point.retained} dari ${point.eligible})`;
  };
  return [
    ['Peserta', String(r.participants)],
    ['Penjual terverifikasi', String(r.sellersVerified)],
    ['Penjual aktif (30 / 90 hari)', `${r.activeSellers30} / ${r.activeSellers90}`],
    ['Masih berjualan 3 / 6 / 12 bulan setelah pelatihan', `${retention(3)}; ${retention(6)}; ${retention(12)}`],
    ['Penghasilan per bulan sebelum pelatihan (median)', rp(r.baseline.median)],
    ['Omzet marketplace (terverifikasi)', marketplaceText(r, r.marketplaceTotalIdr)],
    ['Omzet penjualan offline (dilaporkan sendiri)', rp(r.offlineTotalIdr)],
    ['Pendapatan tambahan dari penjualan per peserta per bulan (median)', rp(r.salesIncome.combined.median)],
    ['Pendapatan tambahan dari penjualan per peserta per bulan (rata-rata)', rp(r.upliftPerParticipantIdr)],
    ['Perubahan penghasilan menurut survei (rata-rata, dilaporkan sendiri)', r.surveyUplift.count ? `${rp(r.surveyUplift.mean)} (${r.surveyUplift.count} menjawab)` : 'belum ada jawaban'],
    ['Produk tayang', String(r.productsListed)],
    ['Pesanan marketplace', r.marketplaceHasData ? String(r.orders) : 'belum ada data'],
    ['Penjualan offline tercatat', String(r.offlineSales)],
    ['Provinsi pembeli', r.buyerProvinces.length ? r.buyerProvinces.map((p) => `${p.province} (${p.orders})`).join(', ') : r.marketplaceHasData ? '—' : 'belum ada data'],
    ['Kampung KB dengan peserta', `${r.coverage.withParticipants} dari ${r.coverage.active} aktif; target ${r.coverage.target}${r.coverage.targetNames.length ? ` (${r.coverage.targetNames.join(', ')})` : ''}`],
  ];
}

const incomeRows = (r: ImpactReport): [string, string, IncomeSummary][] => [
  ['Sebelum pelatihan (daftar peserta)', 'baseline', r.baseline],
  ['Marketplace per bulan', 'terverifikasi', r.salesIncome.marketplace],
  ['Penjualan offline per bulan', 'dilaporkan sendiri', r.salesIncome.offline],
  ['Penjualan, keduanya, per bulan', 'sebagian dilaporkan sendiri', r.salesIncome.combined],
  ['Penghasilan total menurut survei', 'dilaporkan sendiri', r.survey],
  ['Survei − sebelum pelatihan', 'dilaporkan sendiri', r.surveyUplift],
];

function roiLines(r: ImpactReport): string[] {
  if (!r.roi) return ['Tidak ada anggaran pelatihan untuk peserta ini: ROI tidak dihitung.'];
  return [
    `Biaya pelatihan (bagian peserta dalam laporan): ${rp(r.roi.costIdr)}; ${r.roi.participantMonths} bulan-peserta setelah pelatihan.`,
    r.marketplaceHasData
      ? `Hanya marketplace (terverifikasi): manfaat ${rp(r.roi.benefitVerifiedIdr)}, ROI ${pct(r.roi.roiVerifiedPercent)}, rasio manfaat/biaya ${r.roi.benefitCostRatioVerified?.toLocaleString('id-ID', { maximumFractionDigits: 2 }) ?? '—'}.`
      : 'Hanya marketplace (terverifikasi): belum ada data penjualan marketplace.',
    `Marketplace dan penjualan offline: manfaat ${rp(r.roi.benefitWithSelfReportedIdr)}, ROI ${pct(r.roi.roiWithSelfReportedPercent)}, rasio manfaat/biaya ${r.roi.benefitCostRatioWithSelfReported?.toLocaleString('id-ID', { maximumFractionDigits: 2 }) ?? '—'}.`,
    'ROI (Phillips) = (manfaat − biaya) / biaya × 100%.',
    `Catatan: ${ROI_CAVEAT}`,
  ];
}

function didLines(r: ImpactReport): string[] {
  const d = r.differenceInDifferences;
  if (!d) return [r.differenceInDifferencesNote];
  return [
    `Kelompok pembanding: ${d.comparisonGroup} (${d.controlCount} orang; peserta: ${d.treatedCount}).`,
    `Peserta: ${rp(d.treatedBeforeIdr)} → ${rp(d.treatedAfterIdr)} (sebelum–sesudah ${rp(d.treatedChangeIdr)}). Pembanding: ${rp(d.controlBeforeIdr)} → ${rp(d.controlAfterIdr)} (${rp(d.controlChangeIdr)}).`,
    `Perkiraan selisih-dalam-selisih: ${rp(d.estimateIdr)} per bulan.`,
    r.differenceInDifferencesNote,
  ];
}

const GROUP_HEADERS = ['Nama', 'Peserta', 'Penjual terverifikasi', 'Aktif 90 hari', 'Baseline (median)', 'Marketplace/bln (rata-rata)', 'Offline/bln (rata-rata)', 'Penjualan/bln (median)', 'Omzet periode', 'Survei − baseline (rata-rata)', 'Produk'];
const groupCells = (g: ImpactGroupRow) => [g.name, g.participants, g.sellersVerified, g.activeSellers90, num(g.baselineMedianIdr), num(g.marketplaceMeanIdr), num(g.offlineMeanIdr), num(g.salesMedianIdr), num(g.salesTotalIdr), num(g.surveyUpliftMeanIdr), g.productsListed];
const MONTH_HEADERS = ['Bulan (WITA)', 'Peserta setelah pelatihan', 'Marketplace (terverifikasi)', 'Offline (dilaporkan sendiri)', 'Marketplace per peserta', 'Offline per peserta', 'Baseline rata-rata', 'Survei rata-rata', 'Jawaban survei'];
const monthCells = (m: ImpactReport['monthly'][number]) => [monthNameId(m.month), m.eligibleParticipants, num(m.marketplaceIdr), num(m.offlineIdr), num(m.meanMarketplaceIdr), num(m.meanOfflineIdr), num(m.baselineMeanIdr), num(m.surveyMeanIdr), m.surveyAnswers];
const PEOPLE_HEADERS = ['Nama', 'Kampung KB', 'Pelatihan', 'Baseline/bln', 'Bulan sejak pelatihan', 'Marketplace periode', 'Offline periode', 'Penjualan/bln', 'Survei terakhir', 'Survei − baseline', 'Penjualan terakhir', 'Produk', 'Aktif 90 hari'];
const personCells = (p: ImpactReport['participantRows'][number]) => [p.name, p.kampungName, p.cohortTitle, num(p.baselineIdr), p.monthsSinceTraining, num(p.marketplaceIdr), num(p.offlineIdr), num(p.salesMonthlyIdr), num(p.latestSurveyIdr), num(p.surveyUpliftIdr), p.lastSaleOn ? new Date(`${p.lastSaleOn}T00:00:00Z`) : null, p.productsListed, p.active90 ? 'ya' : 'tidak'];

// --- CSV: sections one after another, each with its header row (opens in any spreadsheet).

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function renderCsv(doc: ReportDocument): Buffer {
  const r = doc.report;
  const rows: unknown[][] = [
    ['DP3AKB Kota Balikpapan', 'Laporan dampak pelatihan terhadap pendapatan'],
    ['Periode', periodText(r)],
    ...doc.scope,
    ['Per tanggal', r.period.asOf],
    [],
    ['Indikator', 'Nilai'],
    ...headline(r),
    [],
    ['Pendapatan per peserta', 'Sumber', 'Jumlah orang', 'Rata-rata', 'Kuartil 1', 'Median', 'Kuartil 3'],
    ...incomeRows(r).map(([label, source, s]) => [label, source, s.count, num(s.mean), num(s.q1), num(s.median), num(s.q3)]),
    [],
    MONTH_HEADERS,
    ...r.monthly.map(monthCells),
    [],
    ['Per kampung KB', ...GROUP_HEADERS.slice(1)],
    ...r.byKampung.map(groupCells),
    [],
    ['Per kelompok UPPKA', ...GROUP_HEADERS.slice(1)],
    ...r.byUppkaGroup.map(groupCells),
    [],
    ['Per angkatan pelatihan', ...GROUP_HEADERS.slice(1)],
    ...r.byCohort.map(groupCells),
    [],
    ['ROI'],
    ...roiLines(r).map((text) => [text]),
    [],
    ['Selisih-dalam-selisih'],
    ...didLines(r).map((text) => [text]),
    ...(doc.withNames ? [[], PEOPLE_HEADERS, ...r.participantRows.map(personCells)] : []),
  ];
  // A BOM so Excel reads the file as UTF-8.
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

// --- XLSX: one sheet per table, real number and date cells, the header row frozen.

const MONEY = '"Rp" #,##0;[Red]-"Rp" #,##0';

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const r = doc.report;
  const book = new ExcelJS.Workbook();
  book.creator = 'Karya Ibu — DP3AKB Kota Balikpapan';
  book.created = doc.generatedAt;
  const sheet = (name: string, headers: string[], rows: unknown[][], moneyColumns: number[]) => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(headers).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.columns.forEach((column, index) => {
      column.width = index === 0 ? 34 : 18;
      if (moneyColumns.includes(index + 1)) column.numFmt = MONEY;
    });
    return ws;
  };
  const summary = sheet('Ringkasan', ['Indikator', 'Nilai'], [['Periode', periodText(r)], ...doc.scope, ['Per tanggal', new Date(`${r.period.asOf}T00:00:00Z`)], ['Dibuat', doc.generatedAt], ...headline(r)], []);
  summary.getColumn(2).width = 60;
  summary.getCell('B4').numFmt = 'd mmmm yyyy';
  sheet('Pendapatan', ['Pendapatan per peserta', 'Sumber', 'Jumlah orang', 'Rata-rata', 'Kuartil 1', 'Median', 'Kuartil 3', 'Total'], incomeRows(r).map(([label, source, s]) => [label, source, s.count, num(s.mean), num(s.q1), num(s.median), num(s.q3), num(s.total)]), [4, 5, 6, 7, 8]);
  sheet('Per bulan', MONTH_HEADERS, r.monthly.map(monthCells), [3, 4, 5, 6, 7, 8]);
  sheet('Per kampung KB', GROUP_HEADERS, r.byKampung.map(groupCells), [5, 6, 7, 8, 9, 10]);
  sheet('Per UPPKA', GROUP_HEADERS, r.byUppkaGroup.map(groupCells), [5, 6, 7, 8, 9, 10]);
  sheet('Per angkatan', GROUP_HEADERS, r.byCohort.map(groupCells), [5, 6, 7, 8, 9, 10]);
  sheet('ROI dan catatan', ['Keterangan'], [...roiLines(r), '', ...didLines(r), '', r.intervensiText].map((text) => [text]), []).getColumn(1).width = 140;
  if (doc.withNames) {
    const people = sheet('Peserta', PEOPLE_HEADERS, r.participantRows.map(personCells), [4, 6, 7, 8, 9, 10]);
    people.getColumn(11).numFmt = 'd mmm yyyy';
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

// --- PDF: A4, Helvetica, the title block, tables, the charts drawn as vectors from the same figures.

/** The standard PDF fonts know WinAnsi only: the few signs outside it are written the plain way. */
const winAnsi = (text: string) => text.replace(/\u2212/g, '-').replace(/\u2265/g, '>=').replace(/\u2192/g, '->');

const BRAND = '#7a3e12';
const MARKETPLACE_COLOR = '#1f6f5c';
const OFFLINE_COLOR = '#d08a2e';
const MUTED = '#555555';

export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const r = doc.report;
  const pdf = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 56, left: 50, right: 50 }, bufferPages: true, info: { Title: 'Laporan Dampak Pelatihan', Author: 'DP3AKB Kota Balikpapan' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const ensure = (height: number) => {
    if (pdf.y + height > bottom()) pdf.addPage();
  };
  const heading = (text: string) => {
    ensure(60);
    pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(12.5).fillColor(BRAND).text(winAnsi(text), left, pdf.y, { width }).fillColor('black').moveDown(0.3);
  };
  const paragraph = (text: string, size = 9.5) => {
    ensure(24);
    pdf.font('Helvetica').fontSize(size).fillColor('black').text(winAnsi(text), left, pdf.y, { width }).moveDown(0.25);
  };

  /** A table with a header row repeated on each page; columns by relative width; numbers right-aligned. */
  const table = (headers: string[], rows: (string | number | null)[][], weights: number[], fontSize = 8) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w / total) * width);
    const drawRow = (cells: (string | number | null)[], bold: boolean) => {
      pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
      const texts = cells.map((cell) => (cell === null ? '—' : winAnsi(String(cell))));
      const height = Math.max(...texts.map((text, i) => pdf.heightOfString(text, { width: widths[i] - 6 }))) + 6;
      if (pdf.y + height > bottom()) {
        pdf.addPage();
        if (!bold) drawRow(headers, true);
      }
      const top = pdf.y;
      if (bold) pdf.rect(left, top, width, height).fill('#f1e7dc').fillColor('black');
      let x = left;
      texts.forEach((text, i) => {
        pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize).fillColor('black').text(text, x + 3, top + 3, { width: widths[i] - 6, align: i > 0 && typeof cells[i] !== 'string' ? 'right' : 'left' });
        x += widths[i];
      });
      pdf.moveTo(left, top + height).lineTo(left + width, top + height).lineWidth(0.4).strokeColor('#cccccc').stroke();
      pdf.x = left;
      pdf.y = top + height;
    };
    drawRow(headers, true);
    rows.forEach((row) => drawRow(row, false));
    pdf.moveDown(0.4);
  };

  // Title block.
  pdf.rect(left, 40, width, 4).fill(BRAND);
  pdf.fillColor(BRAND).font('Helvetica-Bold').fontSize(11).text('DP3AKB Kota Balikpapan', left, 52, { width });
  pdf.fillColor(MUTED).font('Helvetica').fontSize(8.5).text('Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana', { width });
  pdf.moveDown(0.8).fillColor('black').font('Helvetica-Bold').fontSize(17).text('Laporan Dampak Pelatihan terhadap Pendapatan Peserta', { width });
  pdf.moveDown(0.3).font('Helvetica').fontSize(10).text(`Periode: ${periodText(r)} (bulan WITA), per ${dateId(r.period.asOf)}`, { width });
  for (const [label, value] of doc.scope) pdf.text(`${label}: ${value}`, { width });
  pdf.fillColor(MUTED).fontSize(8.5).text(`Dibuat ${when(doc.generatedAt)} dari Karya Ibu. Sumber dipisahkan: marketplace (terverifikasi), penjualan offline dan survei (dilaporkan sendiri).`, { width });
  pdf.fillColor('black').moveDown(0.4);

  heading('Ringkasan');
  table(['Indikator', 'Nilai'], headline(r), [5, 4], 8.5);

  heading('Pendapatan per peserta (per bulan)');
  table(['', 'Sumber', 'Orang', 'Rata-rata', 'Kuartil 1', 'Median', 'Kuartil 3'], incomeRows(r).map(([label, source, s]) => [label, source, s.count, rp(s.mean), rp(s.q1), rp(s.median), rp(s.q3)]), [3.4, 2.2, 1, 1.8, 1.8, 1.8, 1.8]);
  paragraph('Median dan kuartil dihitung dengan interpolasi linear (tipe 7). Pendapatan dari penjualan adalah rata-rata per bulan setelah bulan pelatihan berakhir, dalam periode laporan.', 8);

  heading('Pengembalian anggaran pelatihan (ROI)');
  for (const text of roiLines(r)) paragraph(text);
  heading('Perbandingan dengan kelompok pembanding');
  for (const text of didLines(r)) paragraph(text);

  // Charts: each kept whole on a page.
  ensure(250);
  heading('Pendapatan per bulan dibanding sebelum pelatihan');
  monthlyChart(pdf, r, left, pdf.y, width, 190);
  ensure(Math.max(90, 26 * r.byKampung.length + 30) + 40);
  heading('Pendapatan tambahan per kampung KB (rata-rata per peserta per bulan)');
  kampungChart(pdf, r, left, pdf.y, width, Math.max(90, 26 * r.byKampung.length + 30));
  ensure(220);
  heading('Masih berjualan setelah pelatihan');
  retentionChart(pdf, r, left, pdf.y, width, 170);
  ensure(200);
  heading('Sebaran pendapatan dari penjualan per peserta per bulan');
  distributionChart(pdf, r, left, pdf.y, width, 150);

  heading('Per bulan');
  table(['Bulan', 'Peserta', 'Marketplace', 'Offline', 'Baseline rata-rata', 'Survei rata-rata'], r.monthly.map((m) => [monthNameId(m.month), m.eligibleParticipants, marketplaceText(r, m.marketplaceIdr), rp(m.offlineIdr), rp(m.baselineMeanIdr), m.surveyAnswers ? `${rp(m.surveyMeanIdr)} (${m.surveyAnswers})` : '—']), [2, 1, 2, 2, 2, 2]);
  const groupTable = (title: string, groups: ImpactGroupRow[]) => {
    heading(title);
    if (!groups.length) return paragraph('Tidak ada.');
    table(['Nama', 'Peserta', 'Aktif 90 hr', 'Baseline (median)', 'Marketplace/bln', 'Offline/bln', 'Omzet periode', 'Survei − baseline'], groups.map((g) => [g.name, g.participants, g.activeSellers90, rp(g.baselineMedianIdr), marketplaceText(r, g.marketplaceMeanIdr), rp(g.offlineMeanIdr), rp(g.salesTotalIdr), rp(g.surveyUpliftMeanIdr)]), [2.4, 1, 1, 1.7, 1.7, 1.6, 1.8, 1.7]);
  };
  groupTable('Per kampung KB', r.byKampung);
  groupTable('Per kelompok UPPKA', r.byUppkaGroup);
  groupTable('Per angkatan pelatihan', r.byCohort);
  if (doc.withNames) {
    heading('Peserta (data pribadi: hanya untuk DP3AKB)');
    table(['Nama', 'Kampung KB', 'Baseline', 'Marketplace', 'Offline', 'Survei', 'Terakhir jual'], r.participantRows.map((p) => [p.name, p.kampungName, rp(p.baselineIdr), marketplaceText(r, p.marketplaceIdr), rp(p.offlineIdr), rp(p.latestSurveyIdr), p.lastSaleOn ? dateId(p.lastSaleOn) : '—']), [2.6, 1.6, 1.5, 1.5, 1.5, 1.5, 1.7], 7.5);
  }
  heading('Teks untuk situs Kampung KB (intervensi)');
  paragraph(r.intervensiText);

  // Page numbers once the page count is known.
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const y = pdf.page.height - 36;
    pdf.page.margins.bottom = 0;
    pdf.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(`DP3AKB Kota Balikpapan — Laporan dampak pelatihan, ${periodText(r)}`, left, y, { width: width - 80, lineBreak: false });
    pdf.text(`Halaman ${i + 1} dari ${range.count}`, left + width - 80, y, { width: 80, align: 'right', lineBreak: false });
  }
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}

type Pdf = InstanceType<typeof PDFDocument>;

function axisLabel(pdf: Pdf, text: string, x: number, y: number, w: number, align: 'left' | 'right' | 'center' = 'left') {
  pdf.font('Helvetica').fontSize(7).fillColor(MUTED).text(winAnsi(text), x, y, { width: w, align, lineBreak: false });
}

const shortRp = (value: number) => (value >= 1_000_000 ? `${(value / 1_000_000).toLocaleString('id-ID', { maximumFractionDigits: 1 })} jt` : value >= 1000 ? `${Math.round(value / 1000)} rb` : String(value));

function legend(pdf: Pdf, items: [string, string][], x: number, y: number) {
  let cx = x;
  for (const [color, label] of items) {
    pdf.rect(cx, y + 1, 8, 8).fill(color);
    pdf.font('Helvetica').fontSize(7.5).fillColor('black').text(label, cx + 11, y, { lineBreak: false });
    cx += 11 + pdf.widthOfString(label) + 14;
  }
}

/** Stacked bars: mean marketplace and offline income per eligible participant; line: mean baseline; dots: survey means. */
function monthlyChart(pdf: Pdf, r: ImpactReport, x: number, y: number, w: number, h: number) {
  const plot = { left: x + 40, top: y + 16, right: x + w, bottom: y + h - 18 };
  const months = r.monthly;
  const values = months.flatMap((m) => [Number((m.meanMarketplaceIdr ?? 0n) + (m.meanOfflineIdr ?? 0n)), Number(m.baselineMeanIdr ?? 0n), Number(m.surveyMeanIdr ?? 0n)]);
  const yScale = scaleLinear().domain([0, Math.max(1, ...values)]).nice().range([plot.bottom, plot.top]);
  const xScale = scaleBand<string>().domain(months.map((m) => m.month)).range([plot.left, plot.right]).padding(0.25);
  legend(pdf, [[MARKETPLACE_COLOR, r.marketplaceHasData ? 'Marketplace (terverifikasi)' : 'Marketplace (belum ada data)'], [OFFLINE_COLOR, 'Offline (dilaporkan sendiri)'], [BRAND, 'Sebelum pelatihan (rata-rata)'], ['#3355aa', 'Survei (rata-rata)']], x, y);
  for (const tick of yScale.ticks(4)) {
    pdf.moveTo(plot.left, yScale(tick)).lineTo(plot.right, yScale(tick)).lineWidth(0.3).strokeColor('#dddddd').stroke();
    axisLabel(pdf, shortRp(tick), x, yScale(tick) - 3, 36, 'right');
  }
  for (const m of months) {
    const bx = xScale(m.month)!;
    const market = Number(m.meanMarketplaceIdr ?? 0n);
    const offline = Number(m.meanOfflineIdr ?? 0n);
    if (market > 0) pdf.rect(bx, yScale(market), xScale.bandwidth(), plot.bottom - yScale(market)).fill(MARKETPLACE_COLOR);
    if (offline > 0) pdf.rect(bx, yScale(market + offline), xScale.bandwidth(), yScale(market) - yScale(market + offline)).fill(OFFLINE_COLOR);
    axisLabel(pdf, monthNameId(m.month).slice(0, 3) + ' ' + m.month.slice(2, 4), bx - 6, plot.bottom + 4, xScale.bandwidth() + 12, 'center');
  }
  const baseline = months.filter((m) => m.baselineMeanIdr !== null);
  const path = line<ImpactReport['monthly'][number]>()
    .x((m) => xScale(m.month)! + xScale.bandwidth() / 2)
    .y((m) => yScale(Number(m.baselineMeanIdr)))(baseline);
  if (path) pdf.path(path).lineWidth(1.5).strokeColor(BRAND).dash(4, { space: 2 }).stroke().undash();
  for (const m of months.filter((m) => m.surveyMeanIdr !== null)) pdf.circle(xScale(m.month)! + xScale.bandwidth() / 2, yScale(Number(m.surveyMeanIdr)), 3).fill('#3355aa');
  pdf.moveTo(plot.left, plot.bottom).lineTo(plot.right, plot.bottom).lineWidth(0.6).strokeColor('#888888').stroke();
  pdf.x = x;
  pdf.y = y + h + 6;
}

function kampungChart(pdf: Pdf, r: ImpactReport, x: number, y: number, w: number, h: number) {
  const rows = r.byKampung;
  const labelWidth = 110;
  const plot = { left: x + labelWidth, top: y + 16, right: x + w - 60, bottom: y + h };
  const max = Math.max(1, ...rows.map((g) => Number((g.marketplaceMeanIdr ?? 0n) + (g.offlineMeanIdr ?? 0n))));
  const xScale = scaleLinear().domain([0, max]).nice().range([plot.left, plot.right]);
  const yScale = scaleBand<string>().domain(rows.map((g) => g.id)).range([plot.top, plot.bottom]).padding(0.3);
  legend(pdf, [[MARKETPLACE_COLOR, 'Marketplace'], [OFFLINE_COLOR, 'Offline']], x, y);
  for (const g of rows) {
    const by = yScale(g.id)!;
    const market = Number(g.marketplaceMeanIdr ?? 0n);
    const offline = Number(g.offlineMeanIdr ?? 0n);
    axisLabel(pdf, `${g.name} (${g.participants})`, x, by + yScale.bandwidth() / 2 - 3, labelWidth - 6);
    if (market > 0) pdf.rect(plot.left, by, xScale(market) - plot.left, yScale.bandwidth()).fill(MARKETPLACE_COLOR);
    if (offline > 0) pdf.rect(xScale(market), by, xScale(market + offline) - xScale(market), yScale.bandwidth()).fill(OFFLINE_COLOR);
    axisLabel(pdf, rp(BigInt(market + offline)), xScale(market + offline) + 4, by + yScale.bandwidth() / 2 - 3, 70);
  }
  pdf.x = x;
  pdf.y = y + h + 8;
}

function retentionChart(pdf: Pdf, r: ImpactReport, x: number, y: number, w: number, h: number) {
  const plot = { left: x + 40, top: y + 6, right: x + w, bottom: y + h - 18 };
  const points = r.retentionCurve.filter((p) => p.rate !== null);
  const xScale = scaleLinear().domain([1, 12]).range([plot.left, plot.right]);
  const yScale = scaleLinear().domain([0, 1]).range([plot.bottom, plot.top]);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    pdf.moveTo(plot.left, yScale(tick)).lineTo(plot.right, yScale(tick)).lineWidth(0.3).strokeColor('#dddddd').stroke();
    axisLabel(pdf, `${tick * 100}%`, x, yScale(tick) - 3, 36, 'right');
  }
  for (let month = 1; month <= 12; month++) axisLabel(pdf, `${month} bln`, xScale(month) - 15, plot.bottom + 4, 30, 'center');
  const path = line<(typeof points)[number]>()
    .x((p) => xScale(p.months))
    .y((p) => yScale(p.rate!))(points);
  if (path) pdf.path(path).lineWidth(1.8).strokeColor(MARKETPLACE_COLOR).stroke();
  for (const p of points) pdf.circle(xScale(p.months), yScale(p.rate!), 2.5).fill(MARKETPLACE_COLOR);
  if (!points.length) axisLabel(pdf, 'Belum ada peserta yang mencapai bulan pertama setelah pelatihan.', plot.left, plot.top + 40, plot.right - plot.left, 'center');
  pdf.x = x;
  pdf.y = y + h + 6;
}

function distributionChart(pdf: Pdf, r: ImpactReport, x: number, y: number, w: number, h: number) {
  const plot = { left: x + 40, top: y + 6, right: x + w, bottom: y + h - 18 };
  const bins = r.distribution;
  const xScale = scaleBand<string>().domain(bins.map((b) => b.label)).range([plot.left, plot.right]).padding(0.2);
  const yScale = scaleLinear().domain([0, Math.max(1, ...bins.map((b) => b.count))]).nice().range([plot.bottom, plot.top]);
  for (const tick of yScale.ticks(4)) axisLabel(pdf, String(tick), x, yScale(tick) - 3, 36, 'right');
  for (const bin of bins) {
    const bx = xScale(bin.label)!;
    if (bin.count > 0) pdf.rect(bx, yScale(bin.count), xScale.bandwidth(), plot.bottom - yScale(bin.count)).fill(BRAND);
    axisLabel(pdf, `${bin.count} orang`, bx, yScale(bin.count) - 10, xScale.bandwidth(), 'center');
    axisLabel(pdf, bin.label, bx - 4, plot.bottom + 4, xScale.bandwidth() + 8, 'center');
  }
  pdf.moveTo(plot.left, plot.bottom).lineTo(plot.right, plot.bottom).lineWidth(0.6).strokeColor('#888888').stroke();
  pdf.x = x;
  pdf.y = y + h + 6;
}
