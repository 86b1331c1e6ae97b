import { Role } from '../src/modules/accounts/models/role.enum.js';
import { KampungStatus } from '../src/modules/kampung/models/kampung-status.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import { createKampung, createProduct, createTrainingProgram, signIn, type SignedIn } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

const APPLY = `mutation Apply($input: ApplyAsSellerInput!) { applyAsSeller(input: $input) { id slug status displayName whatsappNumber } }`;
const VERIFY = `mutation Verify($id: ID!, $program: ID) { verifySeller(sellerId: $id, trainingProgramId: $program) { id status } }`;
const REJECT = `mutation Reject($id: ID!, $reason: String!) { rejectSeller(sellerId: $id, reason: $reason) { id status rejectionReason } }`;

describe('seller onboarding', () => {
  let t: TestApp;
  let teritip: Kampung;
  let manggar: Kampung;
  let karangJoang: Kampung;
  let batikProgramId: string;
  let officer: SignedIn;
  let pendampingTeritip: SignedIn;
  let pendampingManggar: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    teritip = await createKampung(t, { name: 'Teritip', slug: 'teritip' });
    manggar = await createKampung(t, { name: 'Manggar', slug: 'manggar' });
    karangJoang = await createKampung(t, { name: 'Karang Joang', slug: 'karang-joang', status: KampungStatus.TARGET });
    batikProgramId = (await createTrainingProgram(t, { title: 'Pelatihan Membatik', slug: 'pelatihan-membatik' })).id;
    officer = await signIn(t, { roles: [Role.OFFICER], displayName: 'Bu Syafaah' });
    pendampingTeritip = await signIn(t, { roles: [Role.PENDAMPING], displayName: 'Bu Nining', pendampingOf: [teritip] });
    pendampingManggar = await signIn(t, { roles: [Role.PENDAMPING], displayName: 'Bu Ani', pendampingOf: [manggar] });
  });
  afterAll(() => t.close());

  const apply = async (who: SignedIn, overrides: Record<string, unknown> = {}) =>
    t.gql(APPLY, { input: { kampungId: teritip.id, trainingProgramId: batikProgramId, story: 'Saya ibu tiga anak, belajar membatik di Teritip.', whatsapp: '0812 7777 0001', ...overrides } }, { token: who.token });

  it('takes an application as PENDING, kept out of the storefront until verified', async () => {
    const ibu = await signIn(t, { displayName: 'Sumarni' });
    const { data, errors } = await apply(ibu);
    expect(errors).toBeUndefined();
    expect(data!.applyAsSeller).toMatchObject({ status: 'PENDING', displayName: 'Sumarni', slug: 'sumarni', whatsappNumber: '+6281277770001' });
    expect((await t.gql(`{ seller(slug: "sumarni") { id } }`)).data).toEqual({ seller: null });
    expect((await t.gql(`{ me { seller { status } } }`, {}, { token: ibu.token })).data).toEqual({ me: { seller: { status: 'PENDING' } } });
    expect((await apply(ibu)).errors![0].extensions!.code).toBe('CONFLICT');
  });

  it.each([
    ['a kampung that is only a target', () => ({ kampungId: karangJoang.id }), 'input.kampungId'],
    ['an unknown kampung', () => ({ kampungId: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e' }), 'input.kampungId'],
    ['an unknown training program', () => ({ trainingProgramId: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e' }), 'input.trainingProgramId'],
    ['a landline as WhatsApp', () => ({ whatsapp: '0542 123456' }), 'input.whatsapp'],
    ['a story of one word', () => ({ story: 'Batik' }), 'input.story'],
  ])('rejects %s naming the field and creating nothing', async (_name, overrides, field) => {
    const ibu = await signIn(t);
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM sellers');
    const response = await apply(ibu, overrides());
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM sellers')).toEqual(before);
  });

  it('shows the queue to officers (all) and to each pendamping (her kampung only)', async () => {
    const inManggar = await signIn(t, { displayName: 'Warni' });
    await apply(inManggar, { kampungId: manggar.id, whatsapp: '081277770002' });
    const names = async (who: SignedIn) => ((await t.gql(`{ pendingSellers { displayName } }`, {}, { token: who.token })).data!.pendingSellers as { displayName: string }[]).map((s) => s.displayName);
    expect(await names(officer)).toEqual(expect.arrayContaining(['Sumarni', 'Warni']));
    expect(await names(pendampingTeritip)).toContain('Sumarni');
    expect(await names(pendampingTeritip)).not.toContain('Warni');
    expect(await names(pendampingManggar)).toEqual(['Warni']);
  });

  it('lets her kampung\'s pendamping verify her against the cohort: enrolled, SELLER role, in the storefront, audited', async () => {
    const ibu = await signIn(t, { displayName: 'Hasnah' });
    const sellerId = (await apply(ibu, { whatsapp: '081277770003' })).data!.applyAsSeller.id;

    const wrongPendamping = await t.gql(VERIFY, { id: sellerId }, { token: pendampingManggar.token });
    expect(wrongPendamping.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await t.dataSource.query('SELECT status FROM sellers WHERE id = $1', [sellerId])).toEqual([{ status: 'PENDING' }]);

    const verified = await t.gql(VERIFY, { id: sellerId }, { token: pendampingTeritip.token });
    expect(verified.data!.verifySeller.status).toBe('VERIFIED');
    const page = await t.gql(`{ seller(slug: "hasnah") { trainings { slug } kampung { slug } } }`);
    expect(page.data!.seller).toEqual({ trainings: [{ slug: 'pelatihan-membatik' }], kampung: { slug: 'teritip' } });
    expect((await t.gql(`{ me { roles } }`, {}, { token: ibu.token })).data!.me.roles).toEqual(['BUYER', 'SELLER']);

    // Verifying again changes nothing and records nothing.
    expect((await t.gql(VERIFY, { id: sellerId }, { token: officer.token })).data!.verifySeller.status).toBe('VERIFIED');
    const audit = await t.dataSource.query(`SELECT action, actor_name, on_behalf FROM audit_entries WHERE seller_id = $1 ORDER BY created_at`, [sellerId]);
    expect(audit).toEqual([
      { action: 'SELLER_APPLIED', actor_name: 'Hasnah', on_behalf: false },
      { action: 'SELLER_VERIFIED', actor_name: 'Bu Nining', on_behalf: true },
    ]);
  });

  it('does not let a pendamping verify her own application', async () => {
    const sellerId = (await apply(pendampingTeritip, { whatsapp: '081277770004' })).data!.applyAsSeller.id;
    expect((await t.gql(VERIFY, { id: sellerId }, { token: pendampingTeritip.token })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await t.dataSource.query('SELECT status FROM sellers WHERE id = $1', [sellerId])).toEqual([{ status: 'PENDING' }]);
  });

  it('rejects with a reason she can read, and keeps a verified seller verified', async () => {
    const ibu = await signIn(t, { displayName: 'Lina' });
    const sellerId = (await apply(ibu, { whatsapp: '081277770005' })).data!.applyAsSeller.id;
    expect((await t.gql(REJECT, { id: sellerId, reason: 'no' }, { token: officer.token })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const rejected = await t.gql(REJECT, { id: sellerId, reason: 'Nama tidak ada di daftar peserta pelatihan.' }, { token: officer.token });
    expect(rejected.data!.rejectSeller).toMatchObject({ status: 'REJECTED', rejectionReason: 'Nama tidak ada di daftar peserta pelatihan.' });
    expect((await t.gql(`{ me { seller { status rejectionReason } } }`, {}, { token: ibu.token })).data!.me.seller.rejectionReason).toMatch(/daftar peserta/);

    const verified = await t.gql(VERIFY, { id: sellerId }, { token: officer.token });
    expect(verified.data!.verifySeller.status).toBe('VERIFIED');
    expect((await t.gql(REJECT, { id: sellerId, reason: 'Berubah pikiran saja.' }, { token: officer.token })).errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('keeps an unverified shop closed: no listing, and its products stay out of the storefront', async () => {
    const ibu = await signIn(t, { displayName: 'Sari' });
    const sellerId = (await apply(ibu, { whatsapp: '081277770006' })).data!.applyAsSeller.id;
    const listing = await t.gql(`mutation { createProduct(input: { title: "Kain Cap", description: "Kain cap motif kawung buatan saya.", category: KAIN_BATIK, material: "Katun", weightGrams: 300, priceIdr: "250000", stock: 2 }) { id } }`, {}, { token: ibu.token });
    expect(listing.errors![0].extensions!.code).toBe('FORBIDDEN');
    // Even a product stored for her (say, by an import) is not on sale while she is pending.
    await createProduct(t, { id: sellerId } as never, { slug: 'belum-terverifikasi' });
    expect((await t.gql(`{ product(slug: "belum-terverifikasi") { id } }`)).data).toEqual({ product: null });
    expect((await t.gql(`{ products(filter: { search: "belum terverifikasi" }) { totalCount } }`)).data!.products.totalCount).toBe(0);
  });
});
