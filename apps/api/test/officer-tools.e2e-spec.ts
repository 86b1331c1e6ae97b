import { Role } from '../src/modules/accounts/models/role.enum.js';
import { KampungStatus } from '../src/modules/kampung/models/kampung-status.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import { createKampung, createTrainingProgram, signIn, type SignedIn } from './factories.js';
import {
  ApplyAsSellerDocument,
  AssignPendampingDocument,
  CreateKampungDocument,
  CreateTrainingProgramDocument,
  ImportRosterDocument,
  OtKampungPendampingDocument,
  OtPendingRosterMatchesDocument,
  OtTrainingRostersDocument,
  UnassignPendampingDocument,
  UpdateKampungDocument,
  UpdateTrainingProgramDocument,
} from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

describe('officer tools', () => {
  let t: TestApp;
  let officer: SignedIn;
  let teritip: Kampung;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t, { roles: [Role.OFFICER] });
    teritip = await createKampung(t, { name: 'Teritip', kemendagriCode: '64.71.01.1003' });
    await createKampung(t, { name: 'Karang Jati', kemendagriCode: '64.71.04.1004' });
  });
  afterAll(() => t.close());

  it('adds the target kampung KB and later makes it active', async () => {
    const created = await t.gql(
      CreateKampungDocument,
      { input: { name: 'Karang Joang', kelurahan: 'Karang Joang', kecamatan: 'Balikpapan Utara', kemendagriCode: '64.71.03.1003', status: 'TARGET' } },
      { token: officer.token },
    );
    const kampung = expectResult(created.data?.createKampung, 'Kampung');
    expect(kampung).toMatchObject({ slug: 'karang-joang', status: 'TARGET' });
    const updated = await t.gql(UpdateKampungDocument, { id: kampung.id, input: { status: 'ACTIVE', description: 'Kampung KB ke-11.' } }, { token: officer.token });
    expect(updated.data!.updateKampung).toEqual({ __typename: 'Kampung', status: 'ACTIVE', description: 'Kampung KB ke-11.', name: 'Karang Joang' });
  });

  it('answers a malformed Kemendagri code with InvalidInputError, a taken one with AlreadyExistsError, an unknown kampung with NotFoundError', async () => {
    const bad = await t.gql(CreateKampungDocument, { input: { name: 'X Baru', kelurahan: 'Xa', kecamatan: 'Yb', kemendagriCode: '6471', status: 'ACTIVE' } }, { token: officer.token });
    expect(bad.data!.createKampung).toMatchObject({ __typename: 'InvalidInputError', field: 'input.kemendagriCode', problem: 'BAD_FORMAT' });
    const taken = await t.gql(UpdateKampungDocument, { id: teritip.id, input: { kemendagriCode: '64.71.04.1004' } }, { token: officer.token });
    expect(taken.data!.updateKampung).toMatchObject({ __typename: 'AlreadyExistsError', errorCode: 'ALREADY_EXISTS', field: 'input.kemendagriCode' });
    const missing = await t.gql(UpdateKampungDocument, { id: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e', input: { description: 'Tidak ada' } }, { token: officer.token });
    expect(missing.data!.updateKampung).toMatchObject({ __typename: 'NotFoundError', entity: 'KAMPUNG' });
    const required = await t.gql(CreateKampungDocument, { input: { name: 'Kampung Tanpa Kode', kelurahan: 'Xa', kecamatan: 'Yb', status: 'ACTIVE' } }, { token: officer.token });
    expect(required.data!.createKampung).toMatchObject({ __typename: 'InvalidInputError', field: 'input.kemendagriCode', problem: 'REQUIRED' });
  });

  it('creates and edits a training cohort; days follow the dates', async () => {
    const created = await t.gql(
      CreateTrainingProgramDocument,
      { input: { title: 'Pelatihan Ecoprint', skill: 'BATIK', startDate: '2026-12-01', endDate: '2026-12-03', budgetIdr: '15000000', provider: 'DP3AKB Kota Balikpapan', participantCount: 30, location: 'Balikpapan' } },
      { token: officer.token },
    );
    const program = expectResult(created.data?.createTrainingProgram, 'TrainingProgram');
    expect(program).toMatchObject({ slug: 'pelatihan-ecoprint', days: 3, budgetIdr: '15000000' });
    const longer = await t.gql(UpdateTrainingProgramDocument, { id: program.id, input: { endDate: '2026-12-04' } }, { token: officer.token });
    expect(longer.data!.updateTrainingProgram).toEqual({ __typename: 'TrainingProgram', days: 4 });
    const backwards = await t.gql(UpdateTrainingProgramDocument, { id: program.id, input: { endDate: '2026-11-01' } }, { token: officer.token });
    expect(backwards.data!.updateTrainingProgram).toMatchObject({ __typename: 'InvalidInputError', field: 'input.endDate', problem: 'OUT_OF_RANGE' });
    const tooMany = await t.gql(UpdateTrainingProgramDocument, { id: program.id, input: { participantCount: 10_001 } }, { token: officer.token });
    expect(tooMany.data!.updateTrainingProgram).toMatchObject({ __typename: 'InvalidInputError', field: 'input.participantCount', problem: 'OUT_OF_RANGE', min: 0, max: 10_000 });
  });

  it('assigns and unassigns a pendamping; an unknown account is named beside the field', async () => {
    const helper = await signIn(t, { displayName: 'Bu Ratna' });
    expect((await t.gql(AssignPendampingDocument, { identifier: helper.phone, kampungId: teritip.id }, { token: officer.token })).data!.assignPendamping).toEqual({ __typename: 'Kampung', id: teritip.id });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM pendamping_assignments WHERE user_id = $1', [helper.userId])).toEqual([{ n: 1 }]);
    expect((await t.gql(UnassignPendampingDocument, { identifier: helper.phone, kampungId: teritip.id }, { token: officer.token })).data!.unassignPendamping).toEqual({ __typename: 'Kampung', id: teritip.id });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM pendamping_assignments WHERE user_id = $1', [helper.userId])).toEqual([{ n: 0 }]);
    const unknown = await t.gql(AssignPendampingDocument, { identifier: '081299990000', kampungId: teritip.id }, { token: officer.token });
    expect(unknown.data!.assignPendamping).toMatchObject({ __typename: 'InvalidInputError', field: 'identifier', problem: 'UNKNOWN_OPTION' });
    const noKampung = await t.gql(AssignPendampingDocument, { identifier: helper.phone, kampungId: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e' }, { token: officer.token });
    expect(noKampung.data!.assignPendamping).toMatchObject({ __typename: 'NotFoundError', entity: 'KAMPUNG' });
  });

  describe('roster import', () => {
    const csv = [
      'Nama;No HP;Kampung KB;Penghasilan per bulan',
      'Siti Aminah;0812-3000-0001;Teritip;"Rp 1.500.000"',
      'Dewi Lestari;081230000002;Karang Jati;800000',
      'X;021-555;Atlantis;banyak',
    ].join('\n');
    let programId: string;

    beforeAll(async () => {
      programId = (await createTrainingProgram(t, { slug: 'pelatihan-membatik-2026' })).id;
    });

    const run = async (text: string, dryRun: boolean) =>
      expectResult((await t.gql(ImportRosterDocument, { trainingProgramId: programId, csv: text, dryRun }, { token: officer.token })).data?.importRoster, 'RosterImportReport');
    const rosterSize = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM roster_entries WHERE training_program_id = $1', [programId]))[0].n;

    it('previews every line with its errors and saves nothing', async () => {
      const preview = await run(csv, true);
      expect(preview).toMatchObject({ applied: false, newCount: 2, updatedCount: 0, unchangedCount: 0, invalidCount: 1 });
      expect(preview.rows[0]).toMatchObject({ line: 2, name: 'Siti Aminah', phone: '+6281230000001', outcome: 'NEW', baselineMonthlyIncomeIdr: '1500000', errors: [] });
      expect(preview.rows[2].errors).toEqual([
        { field: 'nama', problem: 'TOO_SHORT', min: 2, max: 80 },
        { field: 'telepon', problem: 'BAD_FORMAT', min: null, max: null },
        { field: 'kampung', problem: 'UNKNOWN_OPTION', min: null, max: null },
        { field: 'penghasilan', problem: 'BAD_FORMAT', min: null, max: null },
      ]);
      expect(await rosterSize()).toBe(0);
    });

    it('imports the valid lines; the same file again changes nothing; a changed line updates', async () => {
      expect(await run(csv, false)).toMatchObject({ applied: true, newCount: 2, invalidCount: 1 });
      expect(await rosterSize()).toBe(2);
      const before = await t.dataSource.query('SELECT id, updated_at FROM roster_entries ORDER BY id');
      expect(await run(csv, false)).toMatchObject({ newCount: 0, updatedCount: 0, unchangedCount: 2 });
      expect(await t.dataSource.query('SELECT id, updated_at FROM roster_entries ORDER BY id')).toEqual(before);
      expect(await run(csv.replace('800000', '950000'), false)).toMatchObject({ updatedCount: 1, unchangedCount: 1 });
      expect(await t.dataSource.query(`SELECT baseline_monthly_income_idr FROM roster_entries WHERE phone = '+6281230000002'`)).toEqual([{ baseline_monthly_income_idr: '950000' }]);
    });

    it('answers a file without the needed columns with RosterFileError naming them, an unknown cohort with NotFoundError', async () => {
      const response = await t.gql(ImportRosterDocument, { trainingProgramId: programId, csv: 'nama,alamat\nSiti,Teritip', dryRun: true }, { token: officer.token });
      expect(response.data!.importRoster).toMatchObject({ __typename: 'RosterFileError', errorCode: 'ROSTER_FILE_UNREADABLE', fileProblem: 'MISSING_COLUMNS', columns: ['telepon', 'kampung', 'penghasilan'] });
      const unclosed = await t.gql(ImportRosterDocument, { trainingProgramId: programId, csv: 'nama,telepon,kampung,penghasilan\n"Siti,0812,Teritip,1', dryRun: true }, { token: officer.token });
      expect(unclosed.data!.importRoster).toMatchObject({ __typename: 'RosterFileError', fileProblem: 'UNCLOSED_QUOTE', line: 2 });
      const noCohort = await t.gql(ImportRosterDocument, { trainingProgramId: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e', csv: 'nama,alamat', dryRun: true }, { token: officer.token });
      expect(noCohort.data!.importRoster).toMatchObject({ __typename: 'NotFoundError', entity: 'TRAINING_PROGRAM' });
    });

    it('shows reviewers the roster line that matches an applicant', async () => {
      const applicant = await signIn(t, { displayName: 'Siti Aminah' });
      const applied = await t.gql(ApplyAsSellerDocument, { input: { kampungId: teritip.id, story: 'Saya peserta pelatihan membatik.', whatsapp: '0812-3000-0001' } }, { token: applicant.token });
      expectResult(applied.data?.applyAsSeller, 'Seller');
      const queue = await t.gql(OtPendingRosterMatchesDocument, {}, { token: officer.token });
      const siti = queue.data!.pendingSellers.find((s) => s.displayName === 'Siti Aminah')!;
      expect(siti.rosterMatches).toEqual([{ name: 'Siti Aminah', phone: '+6281230000001', baselineMonthlyIncomeIdr: '1500000', trainingProgramId: programId }]);
      const roster = await t.gql(OtTrainingRostersDocument, {}, { token: officer.token });
      expect(roster.data!.trainingPrograms.find((p) => p.slug === 'pelatihan-membatik-2026')!.roster).toHaveLength(2);
    });

    it('answers the verification queue with roster matches in the same number of SQL statements for 2 applicants as for 6', async () => {
      const phones = Array.from({ length: 6 }, (_, i) => `0812-4000-100${i}`);
      const roster = ['Nama,No HP,Kampung KB,Penghasilan', ...phones.map((phone, i) => `Peserta Tas ${i},${phone},Teritip,900000`)].join('\n');
      const cohort = (await createTrainingProgram(t, { slug: 'pelatihan-tas-2026' })).id;
      expect((await t.gql(ImportRosterDocument, { trainingProgramId: cohort, csv: roster, dryRun: false }, { token: officer.token })).data!.importRoster).toMatchObject({ __typename: 'RosterImportReport', applied: true, newCount: 6 });
      const apply = async (i: number) => {
        const applicant = await signIn(t, { displayName: `Peserta Tas ${i}` });
        const applied = await t.gql(ApplyAsSellerDocument, { input: { kampungId: teritip.id, story: 'Saya peserta pelatihan tas.', whatsapp: phones[i] } }, { token: applicant.token });
        expectResult(applied.data?.applyAsSeller, 'Seller');
      };
      const queue = (applicants: number) =>
        t.countQueries(async () => {
          const response = await t.gql(OtPendingRosterMatchesDocument, {}, { token: officer.token });
          expect(response.errors).toBeUndefined();
          const ours = response.data!.pendingSellers.filter((s) => s.displayName.startsWith('Peserta Tas'));
          // Each applicant, with the roster line of her WhatsApp number.
          expect(ours.map((s) => [s.displayName, s.rosterMatches.map((m) => m.name)]).sort()).toEqual(Array.from({ length: applicants }, (_, i) => [`Peserta Tas ${i}`, [`Peserta Tas ${i}`]]));
        });
      for (let i = 0; i < 2; i++) await apply(i);
      const forTwo = await queue(2);
      for (let i = 2; i < 6; i++) await apply(i);
      const forSix = await queue(6);
      expect(forTwo).toBeGreaterThan(0);
      expect(forSix).toBe(forTwo);
    });
  });

  it('lists the pendamping of each kampung KB for officers', async () => {
    const helper = await signIn(t, { roles: [Role.PENDAMPING], displayName: 'Bu Nining', pendampingOf: [teritip] });
    const { data } = await t.gql(OtKampungPendampingDocument, {}, { token: officer.token });
    const teritipRow = data!.kampungs.find((k) => k.name === 'Teritip')!;
    expect(teritipRow.pendamping).toEqual([{ userId: helper.userId, displayName: 'Bu Nining', phone: helper.phone }]);
    expect((await t.gql(OtKampungPendampingDocument, {}, { token: helper.token })).errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('keeps the status of a kampung to officers', async () => {
    const buyer = await signIn(t);
    const response = await t.gql(UpdateKampungDocument, { id: teritip.id, input: { status: 'TARGET' } }, { token: buyer.token });
    expect(response.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.dataSource.query('SELECT status FROM kampungs WHERE id = $1', [teritip.id]))[0].status).toBe(KampungStatus.ACTIVE);
  });
});
