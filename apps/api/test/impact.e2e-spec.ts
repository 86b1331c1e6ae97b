import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { RequestContext } from '../src/common/context/request-context.js';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import { SurveysService } from '../src/modules/impact/surveys.service.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import type { TrainingProgram } from '../src/modules/training/models/training-program.model.js';
import { createKampung, createProduct, createSellerAccount, createTrainingProgram, enroll, signIn, type SignedIn } from './factories.js';
import { placedOrder } from './checkout-operations.js';
import {
  AddUppkaMemberDocument,
  ConfirmTransferDocument,
  CreateUppkaGroupDocument,
  ImpactDifferenceInDifferencesDocument,
  ImpactExportDocument,
  ImpactReportDocument,
  ImpactSellerActivityDocument,
  ImportRosterDocument,
  MarkShippedDocument,
  ParticipantImpactDocument,
  PublicImpactDocument,
  RecordOfflineSaleDocument,
  RecordSurveyAnswerDocument,
  RemoveOfflineSaleDocument,
  RequestImpactExportDocument,
  SurveyTasksDocument,
  UpdateOfflineSaleDocument,
  type ExportFormat,
  type ImpactFilterInput,
} from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

/** The 15th of the month `n` months before this one (WITA months; tests run any day). */
const monthsAgo = (n: number, day = 15) => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, day)).toISOString().slice(0, 10);
};
const month = (n: number) => monthsAgo(n).slice(0, 7);

describe('impact: what training produced, by source', () => {
  let t: TestApp;
  let teritip: Kampung;
  let manggar: Kampung;
  let program: TrainingProgram;
  let officer: SignedIn;
  let pendamping: SignedIn;
  let otherPendamping: SignedIn;
  const sellers: { seller: Seller; login: SignedIn }[] = [];
  const baselines = [0n, 200_000n, 500_000n, 800_000n, 1_200_000n, 3_000_000n];

  beforeAll(async () => {
    t = await createTestApp();
    teritip = await createKampung(t, { name: 'Teritip', kecamatan: 'Balikpapan Timur' });
    manggar = await createKampung(t, { name: 'Manggar', kecamatan: 'Balikpapan Timur' });
    officer = await signIn(t, { roles: [Role.OFFICER], displayName: 'Bu Petugas' });
    pendamping = await signIn(t, { roles: [Role.PENDAMPING], displayName: 'Bu Nining', pendampingOf: [teritip] });
    otherPendamping = await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [manggar] });
    program = await createTrainingProgram(t, { startDate: monthsAgo(7, 10), endDate: monthsAgo(7, 13), budgetIdr: 10_000_000n, participantCount: 7 });
    for (let i = 0; i < 6; i++) {
      const account = await createSellerAccount(t, teritip, `Ibu Teritip ${i + 1}`);
      await enroll(t, program, account.seller, new Date(`${monthsAgo(7, 13)}T02:00:00Z`));
      sellers.push(account);
    }
    const roster = [
      'nama,telepon,kampung,penghasilan',
      ...sellers.map(({ seller }, i) => `${seller.displayName},0${seller.whatsappNumber.slice(3)},Teritip,${baselines[i]}`),
      'Ibu Tanpa Toko,081299998888,Manggar,400000',
    ].join('\n');
    const imported = await t.gql(ImportRosterDocument, { trainingProgramId: program.id, csv: roster, dryRun: false }, { token: officer.token });
    expect(expectResult(imported.data?.importRoster, 'RosterImportReport').newCount).toBe(7);
  });
  afterAll(() => t.close());

  const report = async (filter: ImpactFilterInput, token = officer.token) => t.gql(ImpactReportDocument, { f: filter }, { token });
  const period = () => ({ trainingProgramId: program.id, from: monthsAgo(6, 1), to: monthsAgo(1, 1) });

  it('records offline sales by the seller and, "dibantu oleh", by her pendamping', async () => {
    const own = await t.gql(RecordOfflineSaleDocument, { i: { soldOn: monthsAgo(5, 20), amountIdr: '300000', channel: 'PASAR' } }, { token: sellers[0].login.token });
    expect(own.data!.recordOfflineSale).toMatchObject({ __typename: 'OfflineSale', amountIdr: '300000', onBehalf: false, recordedByName: 'Ibu Teritip 1' });
    await t.gql(RecordOfflineSaleDocument, { i: { soldOn: monthsAgo(4, 2), amountIdr: '200000', channel: 'PAMERAN_BAZAR', note: 'Bazar kelurahan' } }, { token: sellers[0].login.token });
    const helped = await t.gql(RecordOfflineSaleDocument, { i: { sellerId: sellers[1].seller.id, soldOn: monthsAgo(3, 28), amountIdr: '150000', channel: 'TITIP_TOKO' } }, { token: pendamping.token });
    expect(helped.data!.recordOfflineSale).toMatchObject({ onBehalf: true, recordedByName: 'Bu Nining' });
    const audit = await t.dataSource.query(`SELECT action, on_behalf, actor_name FROM audit_entries WHERE seller_id = $1`, [sellers[1].seller.id]);
    expect(audit).toEqual([{ action: 'OFFLINE_SALE_RECORDED', on_behalf: true, actor_name: 'Bu Nining' }]);
    const activity = await t.gql(ImpactSellerActivityDocument, { s: sellers[1].seller.id }, { token: sellers[1].login.token });
    expect(activity.data!.sellerActivity[0]).toMatchObject({ action: 'OFFLINE_SALE_RECORDED', actorName: 'Bu Nining', onBehalf: true });
  });

  it('refuses a sale in the future or of no amount, naming the field; another kampung\'s pendamping may not record', async () => {
    const future = await t.gql(RecordOfflineSaleDocument, { i: { soldOn: '2099-01-01', amountIdr: '1000', channel: 'PASAR' } }, { token: sellers[0].login.token });
    expect(future.data!.recordOfflineSale).toEqual({ __typename: 'InvalidInputError', field: 'input.soldOn', problem: 'OUT_OF_RANGE' });
    const zero = await t.gql(RecordOfflineSaleDocument, { i: { soldOn: monthsAgo(1), amountIdr: '0', channel: 'PASAR' } }, { token: sellers[0].login.token });
    expect(zero.data!.recordOfflineSale).toMatchObject({ field: 'input.amountIdr' });
    const stranger = await t.gql(RecordOfflineSaleDocument, { i: { sellerId: sellers[2].seller.id, soldOn: monthsAgo(1), amountIdr: '1000', channel: 'PASAR' } }, { token: otherPendamping.token });
    expect(stranger.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('lets a sale be corrected for 7 days, then keeps it as it is', async () => {
    const created = await t.gql(RecordOfflineSaleDocument, { i: { soldOn: monthsAgo(2), amountIdr: '50000', channel: 'PESANAN_LANGSUNG' } }, { token: sellers[3].login.token });
    const id = expectResult(created.data!.recordOfflineSale, 'OfflineSale').id;
    const input = { soldOn: monthsAgo(2), amountIdr: '75000', channel: 'PESANAN_LANGSUNG' } as const;
    expect((await t.gql(UpdateOfflineSaleDocument, { id, i: input }, { token: sellers[3].login.token })).data!.updateOfflineSale).toEqual({ __typename: 'OfflineSale', amountIdr: '75000' });
    await t.dataSource.query(`UPDATE offline_sales SET created_at = now() - interval '8 days' WHERE id = $1`, [id]);
    const late = (await t.gql(UpdateOfflineSaleDocument, { id, i: { ...input, amountIdr: '1' } }, { token: sellers[3].login.token })).data!.updateOfflineSale;
    expect(late).toMatchObject({ __typename: 'RecordLockedError', errorCode: 'NOT_ALLOWED_NOW' });
    const removed = await t.gql(RemoveOfflineSaleDocument, { id }, { token: sellers[3].login.token });
    expect(removed.data!.removeOfflineSale.__typename).toBe('RecordLockedError');
    // Corrected before the lock: the rollup follows the update, not the first figure.
    expect(await t.dataSource.query(`SELECT amount_idr, sales FROM offline_sales_monthly WHERE seller_id = $1`, [sellers[3].seller.id])).toEqual([{ amount_idr: '75000', sales: 1 }]);
  });

  it('makes the survey tasks due for the pendamping of each kampung, once', async () => {
    const surveys = t.get(SurveysService);
    const made = await surveys.createDueTasks(RequestContext.forSystem('impact-job'));
    expect(made).toBe(14); // 7 participants × the 3- and 6-month surveys
    expect(await surveys.createDueTasks(RequestContext.forSystem('impact-job'))).toBe(0);
    const mine = (await t.gql(SurveyTasksDocument, {}, { token: pendamping.token })).data!.surveyTasks;
    expect(mine).toHaveLength(12);
    expect(new Set(mine.map((task) => task.kampungName))).toEqual(new Set(['Teritip']));
    expect((await t.gql(SurveyTasksDocument, {}, { token: otherPendamping.token })).data!.surveyTasks.map((task) => task.participantName)).toEqual(['Ibu Tanpa Toko', 'Ibu Tanpa Toko']);
    expect((await t.gql(SurveyTasksDocument, {}, { token: sellers[1].login.token })).data!.surveyTasks).toHaveLength(2);
  });

  it('takes survey answers from her pendamping or from herself, and not from others', async () => {
    const six = async (login: SignedIn) => (await t.gql(SurveyTasksDocument, {}, { token: login.token })).data!.surveyTasks.find((task) => task.wave === 6)!.id;
    const byPendamping = await t.gql(RecordSurveyAnswerDocument, { i: { taskId: await six(sellers[0].login), monthlyIncomeIdr: '1000000' } }, { token: pendamping.token });
    expect(byPendamping.data!.recordSurveyAnswer).toEqual({ __typename: 'SurveyTask', monthlyIncomeIdr: '1000000', answeredByName: 'Bu Nining', onBehalf: true });
    const herself = await t.gql(RecordSurveyAnswerDocument, { i: { taskId: await six(sellers[1].login), monthlyIncomeIdr: '700000' } }, { token: sellers[1].login.token });
    expect(herself.data!.recordSurveyAnswer).toMatchObject({ onBehalf: false });
    const other = await t.gql(RecordSurveyAnswerDocument, { i: { taskId: await six(sellers[2].login), monthlyIncomeIdr: '5' } }, { token: otherPendamping.token });
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    const unknown = await t.gql(RecordSurveyAnswerDocument, { i: { taskId: '00000000-0000-4000-8000-000000000000', monthlyIncomeIdr: '5' } }, { token: pendamping.token });
    expect(unknown.data!.recordSurveyAnswer).toEqual({ __typename: 'ImpactNotFoundError', subject: 'SURVEY_TASK' });
  });

  it('puts offline sales and surveys in their own columns, marketplace labelled as having no data yet', async () => {
    const { data, errors } = await report(period());
    expect(errors).toBeUndefined();
    const r = data!.impactReport;
    expect(r.period).toMatchObject({ from: month(6), to: month(1) });
    expect(r).toMatchObject({ marketplaceHasData: false, participants: 7, sellersVerified: 6, marketplaceTotalIdr: '0', orders: 0, offlineTotalIdr: '725000', offlineSales: 4 });
    // The period's sales, computed independently from the sales themselves.
    const [{ total }] = await t.dataSource.query(`SELECT sum(amount_idr)::text AS total FROM offline_sales WHERE sold_on >= $1 AND sold_on < $2`, [monthsAgo(6, 1), monthsAgo(0, 1)]);
    expect(r.offlineTotalIdr).toBe(total);
    expect(r.salesIncome.marketplace).toMatchObject({ count: 7, total: '0', median: '0' });
    // Six months after training each: 500k, 150k and 75k over 6 months; four sold nothing.
    expect(r.salesIncome.offline).toMatchObject({ count: 7, total: '120833', median: '0', q3: '18750' });
    expect(r.salesIncome.combined).toMatchObject({ mean: '17262', median: '0', q1: '0' });
    expect(r.survey).toMatchObject({ count: 2, median: '850000' });
    expect(r.surveyUplift).toMatchObject({ count: 2, total: String(1_000_000 - 0 + 700_000 - 200_000), mean: '750000' });
    const first = r.participantRows.find((p) => p.name === 'Ibu Teritip 1');
    expect(first).toMatchObject({ marketplaceIdr: '0', offlineIdr: '500000', latestSurveyIdr: '1000000', surveyUpliftIdr: '1000000', baselineIdr: '0' });
    expect(r.monthly.find((m) => m.month === month(5))).toMatchObject({ eligibleParticipants: 7, marketplaceIdr: '0', offlineIdr: '300000' });
    expect(r.monthly.find((m) => m.month === month(1))?.surveyAnswers).toBe(2);
    expect(r.byKampung).toEqual([
      { name: 'Manggar', participants: 1, salesTotalIdr: '0' },
      { name: 'Teritip', participants: 6, salesTotalIdr: '725000' },
    ]);
    expect(r.roi).toMatchObject({ costIdr: '10000000', benefitVerifiedIdr: '0', benefitWithSelfReportedIdr: '725000', roiWithSelfReportedPercent: -92.75 });
    expect(r.roi!.caveat).toMatch(/tanpa kelompok kontrol/);
    expect(r.differenceInDifferences).toBeNull();
    expect(r.differenceInDifferencesNote).toMatch(/pembanding/);
    expect(r.intervensiText).toMatch(/7 ibu-ibu/);
    expect(r.intervensiText).not.toMatch(/Ibu Teritip/);
  });

  it('narrows to a kampung and an UPPKA group', async () => {
    const created = await t.gql(CreateUppkaGroupDocument, { i: { kampungId: teritip.id, name: 'UPPKA Melati' } }, { token: officer.token });
    const groupId = expectResult(created.data!.createUppkaGroup, 'UppkaGroup').id;
    expect((await t.gql(CreateUppkaGroupDocument, { i: { kampungId: teritip.id, name: 'uppka melati' } }, { token: officer.token })).data!.createUppkaGroup).toEqual({ __typename: 'UppkaGroupNameTakenError', errorCode: 'ALREADY_EXISTS' });
    await t.gql(AddUppkaMemberDocument, { g: groupId, s: sellers[0].seller.id }, { token: officer.token });
    const added = await t.gql(AddUppkaMemberDocument, { g: groupId, s: sellers[1].seller.id }, { token: officer.token });
    expect(expectResult(added.data!.addUppkaMember, 'UppkaGroup').members.map((m) => m.displayName)).toEqual(['Ibu Teritip 1', 'Ibu Teritip 2']);
    const outsider = (await createSellerAccount(t, manggar, 'Ibu Manggar')).seller;
    expect((await t.gql(AddUppkaMemberDocument, { g: groupId, s: outsider.id }, { token: officer.token })).data!.addUppkaMember).toEqual({ __typename: 'SellerOutsideKampungError', errorCode: 'NOT_ALLOWED_NOW' });

    const inGroup = (await report({ ...period(), uppkaGroupId: groupId })).data!.impactReport;
    expect(inGroup).toMatchObject({ participants: 2, offlineTotalIdr: '650000', byUppkaGroup: [{ name: 'UPPKA Melati', participants: 2, salesTotalIdr: '650000' }] });
    expect((await report({ ...period(), kampungId: manggar.id })).data!.impactReport).toMatchObject({ participants: 1, offlineTotalIdr: '0' });
    expect((await report({ ...period(), kecamatan: 'balikpapan timur' })).data!.impactReport.participants).toBe(7);
  });

  it('shows a pendamping her kampung only, and individual income to nobody else', async () => {
    const hers = await report(period(), pendamping.token);
    expect(hers.data!.impactReport.participants).toBe(6);
    expect((await report({ ...period(), kampungId: manggar.id }, pendamping.token)).errors![0].extensions!.code).toBe('FORBIDDEN');
    const seen = await t.gql(ParticipantImpactDocument, { s: sellers[1].seller.id }, { token: pendamping.token });
    expect(seen.data!.participantImpact).toMatchObject({ displayName: 'Ibu Teritip 2', offlineTotalIdr: '150000', cohorts: [{ baselineIdr: '200000' }], offlineSales: [{ amountIdr: '150000', onBehalf: true }] });
    expect(seen.data!.participantImpact.surveys.find((s) => s.wave === 6)?.monthlyIncomeIdr).toBe('700000');
    expect((await t.gql(ParticipantImpactDocument, { s: sellers[1].seller.id }, { token: sellers[1].login.token })).errors).toBeUndefined();
    for (const token of [otherPendamping.token, sellers[0].login.token]) {
      expect((await t.gql(ParticipantImpactDocument, { s: sellers[1].seller.id }, { token })).errors![0].extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('publishes aggregates only, with cells of fewer than 5 people left empty', async () => {
    const { data } = await t.gql(PublicImpactDocument);
    expect(data!.publicImpact.minimumCell).toBe(5);
    expect(data!.publicImpact.total.participants).toBe(7);
    // Only three people sold: their total is not public.
    expect(data!.publicImpact.total.salesTotalIdr).toBeNull();
    expect(data!.publicImpact.cohorts[0]).toMatchObject({ participants: 7, surveyUpliftMedianIdr: null, surveyAnswers: null });
    const byName = Object.fromEntries(data!.publicImpact.kampungs.map((k) => [k.name, k]));
    expect(byName.Teritip).toMatchObject({ participants: 6, sellersVerified: 6, salesMedianIdr: expect.any(String) });
    expect(byName.Manggar).toEqual({ name: 'Manggar', participants: null, sellersVerified: null, salesMedianIdr: null });
  });

  it('exports the report as XLSX and PDF through a job, logged with who and which filter', async () => {
    const ready = async (format: ExportFormat) => {
      const { data } = await t.gql(RequestImpactExportDocument, { f: period(), format }, { token: officer.token });
      const id = expectResult(data!.requestImpactExport, 'ImpactExport').id;
      for (let i = 0; i < 100; i++) {
        const state = (await t.gql(ImpactExportDocument, { id }, { token: officer.token })).data!.impactExport;
        if (state.status === 'READY' || state.status === 'FAILED') return { id, ...state };
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`export ${format} did not finish`);
    };

    const xlsx = await ready('XLSX');
    expect(xlsx).toMatchObject({ status: 'READY', progress: 100, fileName: expect.stringMatching(/^laporan-dampak-.*\.xlsx$/) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(xlsx.downloadUrl!)).arrayBuffer()) as never);
    const people = book.getWorksheet('Peserta')!;
    expect(people.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(people.getRow(1).getCell(1).value).toBe('Nama');
    const first = people.getRows(2, people.rowCount - 1)!.find((row) => row.getCell(1).value === 'Ibu Teritip 1')!;
    expect(first.getCell(7).value).toBe(500_000); // offline sales of the period: a number cell
    expect(first.getCell(11).value).toBeInstanceOf(Date); // her last sale: a date cell
    const monthly = book.getWorksheet('Per bulan')!;
    expect(monthly.getRow(1).getCell(4).value).toBe('Offline (dilaporkan sendiri)');
    expect(monthly.getColumn(4).values.filter((v) => typeof v === 'number').reduce((a, b) => (a as number) + (b as number), 0)).toBe(725_000);

    const pdf = await ready('PDF');
    expect(pdf.status).toBe('READY');
    const bytes = new Uint8Array(await (await fetch(pdf.downloadUrl!)).arrayBuffer());
    // To look at its pages: IMPACT_PDF_OUT=/tmp/dampak.pdf, then pdftoppm -png.
    if (process.env.IMPACT_PDF_OUT) await writeFile(process.env.IMPACT_PDF_OUT, bytes);
    const { totalPages, text } = await extractText(await getDocumentProxy(bytes), { mergePages: false });
    expect(totalPages).toBe(4);
    const all = text.join('\n');
    expect(text[0]).toMatch(/DP3AKB Kota Balikpapan/);
    expect(all).toMatch(/Omzet penjualan offline \(dilaporkan sendiri\)\s*Rp 725\.000/);
    expect(all).toMatch(/Omzet marketplace \(terverifikasi\)\s*belum ada data/);
    expect(all).toMatch(/tanpa\s+kelompok\s+kontrol/);
    expect(all).toMatch(/Ibu Teritip 1/);
    expect(text[totalPages - 1]).toMatch(/Halaman 4 dari 4/);

    const log = await t.dataSource.query(`SELECT requested_by_user_id, requested_by_name, format, with_names, filter->>'trainingProgramId' AS program FROM impact_exports ORDER BY created_at`);
    expect(log).toEqual([
      { requested_by_user_id: officer.userId, requested_by_name: 'Bu Petugas', format: 'XLSX', with_names: true, program: program.id },
      { requested_by_user_id: officer.userId, requested_by_name: 'Bu Petugas', format: 'PDF', with_names: true, program: program.id },
    ]);
    // Someone else's export is not hers to see.
    const otherOfficer = await signIn(t, { roles: [Role.OFFICER] });
    expect((await t.gql(ImpactExportDocument, { id: pdf.id }, { token: otherOfficer.token })).errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('estimates a difference in differences against the participants of an earlier cohort in the same kampung', async () => {
    await createKampung(t, { name: 'Lamaru', kecamatan: 'Balikpapan Timur' });
    const earlier = await createTrainingProgram(t, { startDate: monthsAgo(14, 10), endDate: monthsAgo(14, 13), budgetIdr: 5_000_000n });
    const later = await createTrainingProgram(t, { startDate: monthsAgo(7, 10), endDate: monthsAgo(7, 13), budgetIdr: 5_000_000n });
    const roster = (prefix: string) => ['nama,telepon,kampung,penghasilan', ...[1, 2, 3, 4, 5].map((i) => `Ibu ${prefix} ${i},08127777${prefix === 'Awal' ? 1 : 2}00${i},Lamaru,500000`)].join('\n');
    for (const [program, prefix] of [[earlier, 'Awal'], [later, 'Baru']] as const) {
      await t.gql(ImportRosterDocument, { trainingProgramId: program.id, csv: roster(prefix), dryRun: false }, { token: officer.token });
    }
    const answer = (program: TrainingProgram, wave: number, dueOn: string, income: number) =>
      t.dataSource.query(
        `INSERT INTO survey_tasks (roster_entry_id, training_program_id, kampung_id, wave, due_on, monthly_income_idr, answered_at, answered_by_name)
         SELECT id, training_program_id, kampung_id, $2, $3, $4, now(), 'Pendamping Lamaru' FROM roster_entries WHERE training_program_id = $1`,
        [program.id, wave, dueOn, income],
      );
    await answer(earlier, 3, monthsAgo(11, 13), 600_000); // before the later cohort started
    await answer(earlier, 12, monthsAgo(2, 13), 700_000); // in the period: +100k, the trend
    await answer(later, 6, monthsAgo(1, 13), 900_000); // +400k over the baseline
    const { data } = await report({ trainingProgramId: later.id, from: monthsAgo(6, 1), to: monthsAgo(1, 1) });
    expect(data!.impactReport.differenceInDifferences).toEqual({ estimateIdr: '300000' });
    const full = await t.gql(ImpactDifferenceInDifferencesDocument, { f: { trainingProgramId: later.id, from: monthsAgo(6, 1), to: monthsAgo(1, 1) } }, { token: officer.token });
    expect(full.data!.impactReport.differenceInDifferences).toEqual({ treatedCount: 5, controlCount: 5, treatedChangeIdr: '400000', controlBeforeIdr: '600000', controlAfterIdr: '700000', controlChangeIdr: '100000' });
  });

  it('counts her marketplace sale from the ledger once it is paid: net of commission, one order, no longer "no data"', async () => {
    const finance = await signIn(t, { roles: [Role.FINANCE] });
    const product = await createProduct(t, sellers[5].seller, { priceIdr: 250_000n, stock: 3 });
    const order = await placedOrder(t, [{ productId: product.id, quantity: 1 }], { villageCode: '31.71.01.1001' });
    expect((await t.gql(ConfirmTransferDocument, { orderId: order.id, amount: order.totalIdr, ref: 'BRI 778899', key: `impact-${order.id}` }, { token: finance.token })).data?.confirmBankTransfer.__typename).toBe('Order');
    await t.gql(MarkShippedDocument, { id: order.sellerOrders[0].id, courier: 'JNE', resi: 'JNE0099887766' }, { token: sellers[5].login.token });
    const { data, errors } = await report({ ...period(), to: monthsAgo(0, 1) });
    expect(errors).toBeUndefined();
    const r = data!.impactReport;
    // Rp 250.000 less the 10 % commission; the shipping is not her income.
    expect(r).toMatchObject({ marketplaceHasData: true, orders: 1, marketplaceTotalIdr: '225000' });
    expect(r.participantRows.find((row) => row.sellerId === sellers[5].seller.id)).toMatchObject({ marketplaceIdr: '225000' });
    // The posting counted the sale in her month of the ledger's rollup, with its time: the report reads
    // order counts and "last sold" there rather than scanning every paid order. A replay counts nothing.
    const paidAt = (await t.dataSource.query(`SELECT paid_at FROM orders WHERE id = $1`, [order.id]))[0].paid_at;
    await t.gql(ConfirmTransferDocument, { orderId: order.id, amount: order.totalIdr, ref: 'BRI 778899', key: `impact-${order.id}` }, { token: finance.token });
    expect(await t.dataSource.query(`SELECT sales_count, last_sale_at FROM ledger_monthly WHERE seller_id = $1`, [sellers[5].seller.id])).toEqual([{ sales_count: 1, last_sale_at: paidAt }]);
  });

  it('answers a bad filter with the field named', async () => {
    const backwards = await report({ from: '2026-06-01', to: '2026-01-01' });
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const notAnId = await report({ kampungId: 'teritip' });
    expect(notAnId.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.kampungId' });
  });
});
