import { Role } from '../src/modules/accounts/models/role.enum.js';
import { KampungStatus } from '../src/modules/kampung/models/kampung-status.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import { createKampung, createProduct, createTrainingProgram, signIn, type SignedIn } from './factories.js';
import {
  ApplyAsSellerDocument,
  MySellerDocument,
  PendingSellerNamesDocument,
  ProductBySlugDocument,
  RejectSellerDocument,
  SearchCountDocument,
  SellerBySlugDocument,
  SoCreateOwnProductDocument,
  VerifySellerDocument,
  type ApplyAsSellerInput,
} from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

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

  const apply = async (who: SignedIn, overrides: Partial<ApplyAsSellerInput> = {}) =>
    t.gql(ApplyAsSellerDocument, { input: { kampungId: teritip.id, trainingProgramId: batikProgramId, story: 'Saya ibu tiga anak, belajar membatik di Teritip.', whatsapp: '0812 7777 0001', ...overrides } }, { token: who.token });
  /** Her application's id (the test fails on any other answer). */
  const applied = async (who: SignedIn, overrides: Partial<ApplyAsSellerInput> = {}) => expectResult((await apply(who, overrides)).data?.applyAsSeller, 'Seller').id;
  const verify = (id: string, who: SignedIn) => t.gql(VerifySellerDocument, { id }, { token: who.token });
  const reject = (id: string, reason: string) => t.gql(RejectSellerDocument, { id, reason }, { token: officer.token });

  it('takes an application as PENDING, kept out of the storefront until verified', async () => {
    const ibu = await signIn(t, { displayName: 'Sumarni' });
    const { data, errors } = await apply(ibu);
    expect(errors).toBeUndefined();
    expect(data!.applyAsSeller).toMatchObject({ __typename: 'Seller', status: 'PENDING', displayName: 'Sumarni', slug: 'sumarni', whatsappNumber: '+6281277770001' });
    expect((await t.gql(SellerBySlugDocument, { slug: 'sumarni' })).data).toEqual({ seller: null });
    expect((await t.gql(MySellerDocument, {}, { token: ibu.token })).data!.me!.seller).toEqual({ status: 'PENDING', rejectionReason: null });
    expect((await apply(ibu)).data!.applyAsSeller).toMatchObject({ __typename: 'AlreadyAppliedError', errorCode: 'ALREADY_APPLIED', sellerStatus: 'PENDING' });
  });

  it.each([
    ['a kampung that is only a target', () => ({ kampungId: karangJoang.id }), { field: 'input.kampungId', problem: 'UNKNOWN_OPTION' }],
    ['an unknown kampung', () => ({ kampungId: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e' }), { field: 'input.kampungId', problem: 'UNKNOWN_OPTION' }],
    ['an unknown training program', () => ({ trainingProgramId: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e' }), { field: 'input.trainingProgramId', problem: 'UNKNOWN_OPTION' }],
    ['a landline as WhatsApp', () => ({ whatsapp: '0542 123456' }), { field: 'input.whatsapp', problem: 'BAD_FORMAT' }],
    ['a story of one word', () => ({ story: 'Batik' }), { field: 'input.story', problem: 'TOO_SHORT', min: 10, max: 1000 }],
  ])('answers %s with InvalidInputError naming the field, creating nothing', async (_name, overrides, expected) => {
    const ibu = await signIn(t);
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM sellers');
    const response = await apply(ibu, overrides());
    expect(response.data!.applyAsSeller).toMatchObject({ __typename: 'InvalidInputError', ...expected });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM sellers')).toEqual(before);
  });

  it('shows the queue to officers (all) and to each pendamping (her kampung only)', async () => {
    const inManggar = await signIn(t, { displayName: 'Warni' });
    await apply(inManggar, { kampungId: manggar.id, whatsapp: '081277770002' });
    const names = async (who: SignedIn) => (await t.gql(PendingSellerNamesDocument, {}, { token: who.token })).data!.pendingSellers.map((s) => s.displayName);
    expect(await names(officer)).toEqual(expect.arrayContaining(['Sumarni', 'Warni']));
    expect(await names(pendampingTeritip)).toContain('Sumarni');
    expect(await names(pendampingTeritip)).not.toContain('Warni');
    expect(await names(pendampingManggar)).toEqual(['Warni']);
  });

  it('lets her kampung\'s pendamping verify her against the cohort: enrolled, SELLER role, in the storefront, audited', async () => {
    const ibu = await signIn(t, { displayName: 'Hasnah' });
    const sellerId = await applied(ibu, { whatsapp: '081277770003' });

    const wrongPendamping = await verify(sellerId, pendampingManggar);
    expect(wrongPendamping.data!.verifySeller).toMatchObject({ __typename: 'NotYourSellerError', errorCode: 'NOT_YOUR_SELLER', sellerId });
    expect(await t.dataSource.query('SELECT status FROM sellers WHERE id = $1', [sellerId])).toEqual([{ status: 'PENDING' }]);

    const verified = await verify(sellerId, pendampingTeritip);
    expect(verified.data!.verifySeller).toEqual({ __typename: 'Seller', id: sellerId, status: 'VERIFIED' });
    const page = await t.gql(SellerBySlugDocument, { slug: 'hasnah' });
    expect(page.data!.seller).toEqual({ id: sellerId, trainings: [{ slug: 'pelatihan-membatik' }], kampung: { slug: 'teritip' } });
    expect((await t.gql(MySellerDocument, {}, { token: ibu.token })).data!.me!.roles).toEqual(['BUYER', 'SELLER']);

    // Verifying again changes nothing and records nothing.
    expect((await verify(sellerId, officer)).data!.verifySeller).toMatchObject({ __typename: 'Seller', status: 'VERIFIED' });
    const audit = await t.dataSource.query(`SELECT action, actor_name, on_behalf FROM audit_entries WHERE seller_id = $1 ORDER BY created_at`, [sellerId]);
    expect(audit).toEqual([
      { action: 'SELLER_APPLIED', actor_name: 'Hasnah', on_behalf: false },
      { action: 'SELLER_VERIFIED', actor_name: 'Bu Nining', on_behalf: true },
    ]);
  });

  it('does not let a pendamping verify her own application', async () => {
    const sellerId = await applied(pendampingTeritip, { whatsapp: '081277770004' });
    expect((await verify(sellerId, pendampingTeritip)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await t.dataSource.query('SELECT status FROM sellers WHERE id = $1', [sellerId])).toEqual([{ status: 'PENDING' }]);
  });

  it('rejects with a reason she can read, and keeps a verified seller verified', async () => {
    const ibu = await signIn(t, { displayName: 'Lina' });
    const sellerId = await applied(ibu, { whatsapp: '081277770005' });
    expect((await reject(sellerId, 'no')).data!.rejectSeller).toMatchObject({ __typename: 'InvalidInputError', field: 'reason', problem: 'TOO_SHORT', min: 5, max: 500 });
    const rejected = await reject(sellerId, 'Nama tidak ada di daftar peserta pelatihan.');
    expect(rejected.data!.rejectSeller).toMatchObject({ __typename: 'Seller', status: 'REJECTED', rejectionReason: 'Nama tidak ada di daftar peserta pelatihan.' });
    expect((await t.gql(MySellerDocument, {}, { token: ibu.token })).data!.me!.seller!.rejectionReason).toMatch(/daftar peserta/);

    const verified = await verify(sellerId, officer);
    expect(verified.data!.verifySeller).toMatchObject({ __typename: 'Seller', status: 'VERIFIED' });
    expect((await reject(sellerId, 'Berubah pikiran saja.')).data!.rejectSeller).toMatchObject({ __typename: 'SellerAlreadyVerifiedError', errorCode: 'SELLER_ALREADY_VERIFIED' });
    expect(await t.dataSource.query('SELECT status FROM sellers WHERE id = $1', [sellerId])).toEqual([{ status: 'VERIFIED' }]);
  });

  it('answers NotFoundError for an applicant who is not there, BAD_USER_INPUT for an id that is none', async () => {
    expect((await verify('6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e', officer)).data!.verifySeller).toMatchObject({ __typename: 'NotFoundError', entity: 'SELLER' });
    expect((await verify('bukan-id', officer)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sellerId' });
    const ibu = await signIn(t, { displayName: 'Ratih' });
    const sellerId = await applied(ibu, { whatsapp: '081277770007' });
    expect((await t.gql(VerifySellerDocument, { id: sellerId, program: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e' }, { token: officer.token })).data!.verifySeller).toMatchObject({ __typename: 'InvalidInputError', field: 'trainingProgramId', problem: 'UNKNOWN_OPTION' });
    expect(await t.dataSource.query('SELECT status FROM sellers WHERE id = $1', [sellerId])).toEqual([{ status: 'PENDING' }]);
  });

  it('keeps an unverified shop closed: no listing, and its products stay out of the storefront', async () => {
    const ibu = await signIn(t, { displayName: 'Sari' });
    const sellerId = await applied(ibu, { whatsapp: '081277770006' });
    const listing = await t.gql(SoCreateOwnProductDocument, {}, { token: ibu.token });
    expect(listing.data!.createProduct).toMatchObject({ __typename: 'SellerNotVerifiedError', errorCode: 'SELLER_NOT_VERIFIED', sellerStatus: 'PENDING' });
    // Even a product stored for her (say, by an import) is not on sale while she is pending.
    await createProduct(t, { id: sellerId } as never, { slug: 'belum-terverifikasi' });
    expect((await t.gql(ProductBySlugDocument, { slug: 'belum-terverifikasi' })).data).toEqual({ product: null });
    expect((await t.gql(SearchCountDocument, { search: 'belum terverifikasi' })).data!.products.totalCount).toBe(0);
  });
});
