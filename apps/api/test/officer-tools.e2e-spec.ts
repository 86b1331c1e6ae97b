import { Role } from '../src/modules/accounts/models/role.enum.js';
import { KampungStatus } from '../src/modules/kampung/models/kampung-status.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import { createKampung, createTrainingProgram, signIn, type SignedIn } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

const IMPORT = `mutation I($p: ID!, $csv: String!, $dry: Boolean) { importRoster(trainingProgramId: $p, csv: $csv, dryRun: $dry) {
  applied newCount updatedCount unchangedCount invalidCount rows { line name phone outcome baselineMonthlyIncomeIdr errors { field message } } } }`;

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
      `mutation { createKampung(input: { name: "Karang Joang", kelurahan: "Karang Joang", kecamatan: "Balikpapan Utara", kemendagriCode: "64.71.03.1003", status: TARGET }) { id slug status } }`,
      {},
      { token: officer.token },
    );
    expect(created.data!.createKampung).toMatchObject({ slug: 'karang-joang', status: 'TARGET' });
    const updated = await t.gql(`mutation($id: ID!) { updateKampung(id: $id, input: { status: ACTIVE, description: "Kampung KB ke-11." }) { status description name } }`, { id: created.data!.createKampung.id }, { token: officer.token });
    expect(updated.data!.updateKampung).toEqual({ status: 'ACTIVE', description: 'Kampung KB ke-11.', name: 'Karang Joang' });
  });

  it('refuses a malformed or taken Kemendagri code', async () => {
    const bad = await t.gql(`mutation { createKampung(input: { name: "X Baru", kelurahan: "Xa", kecamatan: "Yb", kemendagriCode: "6471", status: ACTIVE }) { id } }`, {}, { token: officer.token });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kemendagriCode' });
    const taken = await t.gql(`mutation($id: ID!) { updateKampung(id: $id, input: { kemendagriCode: "64.71.04.1004" }) { id } }`, { id: teritip.id }, { token: officer.token });
    expect(taken.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.kemendagriCode' });
  });

  it('creates and edits a training cohort; days follow the dates', async () => {
    const created = await t.gql(
      `mutation { createTrainingProgram(input: { title: "Pelatihan Ecoprint", skill: BATIK, startDate: "2026-12-01", endDate: "2026-12-03", budgetIdr: "15000000", provider: "DP3AKB Kota Balikpapan", participantCount: 30, location: "Balikpapan" }) { id slug days budgetIdr } }`,
      {},
      { token: officer.token },
    );
    expect(created.data!.createTrainingProgram).toMatchObject({ slug: 'pelatihan-ecoprint', days: 3, budgetIdr: '15000000' });
    const longer = await t.gql(`mutation($id: ID!) { updateTrainingProgram(id: $id, input: { endDate: "2026-12-04" }) { days } }`, { id: created.data!.createTrainingProgram.id }, { token: officer.token });
    expect(longer.data!.updateTrainingProgram.days).toBe(4);
    const backwards = await t.gql(`mutation($id: ID!) { updateTrainingProgram(id: $id, input: { endDate: "2026-11-01" }) { days } }`, { id: created.data!.createTrainingProgram.id }, { token: officer.token });
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
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

    const run = async (text: string, dry: boolean) => (await t.gql(IMPORT, { p: programId, csv: text, dry }, { token: officer.token })).data!.importRoster;
    const rosterSize = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM roster_entries WHERE training_program_id = $1', [programId]))[0].n;

    it('previews every line with its errors and saves nothing', async () => {
      const preview = await run(csv, true);
      expect(preview).toMatchObject({ applied: false, newCount: 2, updatedCount: 0, unchangedCount: 0, invalidCount: 1 });
      expect(preview.rows[0]).toMatchObject({ line: 2, name: 'Siti Aminah', phone: '+6281230000001', outcome: 'NEW', baselineMonthlyIncomeIdr: '1500000', errors: [] });
      expect(preview.rows[2].errors.map((e: { field: string }) => e.field)).toEqual(['nama', 'telepon', 'kampung', 'penghasilan']);
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

    it('answers a file without the needed columns with BAD_USER_INPUT', async () => {
      const response = await t.gql(IMPORT, { p: programId, csv: 'nama,alamat\nSiti,Teritip', dry: true }, { token: officer.token });
      expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    });

    it('shows reviewers the roster line that matches an applicant', async () => {
      const applicant = await signIn(t, { displayName: 'Siti Aminah' });
      await t.gql(`mutation($k: ID!) { applyAsSeller(input: { kampungId: $k, story: "Saya peserta pelatihan membatik.", whatsapp: "0812-3000-0001" }) { id } }`, { k: teritip.id }, { token: applicant.token });
      const queue = await t.gql(`{ pendingSellers { displayName rosterMatches { name baselineMonthlyIncomeIdr trainingProgramId } } }`, {}, { token: officer.token });
      const siti = queue.data!.pendingSellers.find((s: { displayName: string }) => s.displayName === 'Siti Aminah');
      expect(siti.rosterMatches).toEqual([{ name: 'Siti Aminah', baselineMonthlyIncomeIdr: '1500000', trainingProgramId: programId }]);
      const roster = await t.gql(`{ trainingPrograms { slug roster { name } } }`, {}, { token: officer.token });
      expect(roster.data!.trainingPrograms.find((p: { slug: string }) => p.slug === 'pelatihan-membatik-2026').roster).toHaveLength(2);
    });

    it('answers the verification queue with roster matches in the same number of SQL statements for 2 applicants as for 6', async () => {
      const phones = Array.from({ length: 6 }, (_, i) => `0812-4000-100${i}`);
      const roster = ['Nama,No HP,Kampung KB,Penghasilan', ...phones.map((phone, i) => `Peserta Tas ${i},${phone},Teritip,900000`)].join('\n');
      const cohort = (await createTrainingProgram(t, { slug: 'pelatihan-tas-2026' })).id;
      expect((await t.gql(IMPORT, { p: cohort, csv: roster, dry: false }, { token: officer.token })).data!.importRoster).toMatchObject({ applied: true, newCount: 6 });
      const apply = async (i: number) => {
        const applicant = await signIn(t, { displayName: `Peserta Tas ${i}` });
        const applied = await t.gql(`mutation($k: ID!, $w: String!) { applyAsSeller(input: { kampungId: $k, story: "Saya peserta pelatihan tas.", whatsapp: $w }) { id } }`, { k: teritip.id, w: phones[i] }, { token: applicant.token });
        expect(applied.errors).toBeUndefined();
      };
      const queue = (applicants: number) =>
        t.countQueries(async () => {
          const response = await t.gql(`{ pendingSellers { displayName rosterMatches { name phone trainingProgramId } } }`, {}, { token: officer.token });
          expect(response.errors).toBeUndefined();
          const ours = (response.data!.pendingSellers as { displayName: string; rosterMatches: { name: string }[] }[]).filter((s) => s.displayName.startsWith('Peserta Tas'));
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
    const { data } = await t.gql(`{ kampungs { name pendamping { userId displayName phone } } }`, {}, { token: officer.token });
    const teritipRow = data!.kampungs.find((k: { name: string }) => k.name === 'Teritip');
    expect(teritipRow.pendamping).toEqual([{ userId: helper.userId, displayName: 'Bu Nining', phone: helper.phone }]);
    expect((await t.gql(`{ kampungs { pendamping { userId } } }`, {}, { token: helper.token })).errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('keeps the status of a kampung to officers', async () => {
    const buyer = await signIn(t);
    const response = await t.gql(`mutation($id: ID!) { updateKampung(id: $id, input: { status: TARGET }) { id } }`, { id: teritip.id }, { token: buyer.token });
    expect(response.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.dataSource.query('SELECT status FROM kampungs WHERE id = $1', [teritip.id]))[0].status).toBe(KampungStatus.ACTIVE);
  });
});
