import { RequestContext } from '../src/common/context/request-context.js';
import { TransactionalConnection } from '../src/common/context/transactional-connection.js';
import { EntityKind, NotFoundError } from '../src/common/errors/error-result.js';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import { PhotoSize } from '../src/modules/media/models/photo.enums.js';
import { variantKey } from '../src/modules/media/photo-variants.js';
import { createKampung, createPhoto, createProduct, createSellerAccount, createTrainingProgram, signIn } from './factories.js';
import { AccountsRegisterDocument, ApplyAsSellerDocument, LoginDocument, MeDocument, RequestPasswordResetDocument, ResetPasswordDocument, TxRemoveProductPhotoDocument, TxVerifySellerDocument, ProductUpdateInTxDocument } from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './harness/test-app.js';

const GENERIC = 'Internal server error';

/**
 * One request, one transaction: when the last write of a mutation fails for real in PostgreSQL (a
 * trigger raises), the writes before it, whichever module made them, are undone, and the client gets
 * the generic INTERNAL_SERVER_ERROR without the SQL.
 */
describe('one transaction per mutation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    // Test-only sabotage: an INSERT fails while its row is in test_failures.
    await t.dataSource.query(`
      CREATE TABLE test_failures (what text PRIMARY KEY);
      CREATE FUNCTION fail_insert_when_asked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM test_failures WHERE what = TG_ARGV[0]) THEN RAISE EXCEPTION 'test: INSERT INTO % refused', TG_TABLE_NAME; END IF;
        RETURN NEW;
      END $$;
      CREATE FUNCTION fail_audit_when_asked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM test_failures WHERE what = 'audit:' || NEW.action) THEN RAISE EXCEPTION 'test: INSERT INTO audit_entries (%) refused', NEW.action; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_sessions BEFORE INSERT ON sessions FOR EACH ROW EXECUTE FUNCTION fail_insert_when_asked('session');
      CREATE TRIGGER fail_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION fail_audit_when_asked();
    `);
  });
  afterAll(() => t.close());

  const failing = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    await t.dataSource.query('INSERT INTO test_failures (what) VALUES ($1)', [what]);
    try {
      return await call();
    } finally {
      await t.dataSource.query('DELETE FROM test_failures WHERE what = $1', [what]);
    }
  };

  const expectMaskedFailure = (response: GraphQLResponse<unknown>) => {
    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([expect.objectContaining({ message: GENERIC, extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    expect(JSON.stringify(response.errors)).not.toMatch(/refused|INSERT|audit_entries|sessions/);
  };

  it('verifySeller: a failing audit entry (its last step) undoes the cohort enrollment, the SELLER role and her status', async () => {
    const kampung = await createKampung(t);
    const program = await createTrainingProgram(t);
    const officer = await signIn(t, { roles: [Role.OFFICER] });
    const ibu = await signIn(t, { displayName: 'Sri Wahyuni' });
    const applied = await t.gql(ApplyAsSellerDocument, { input: { kampungId: kampung.id, trainingProgramId: program.id, story: 'Saya belajar membatik bersama ibu-ibu Kampung KB.', whatsapp: '0812 4444 0001' } }, { token: ibu.token });
    const sellerId = expectResult(applied.data?.applyAsSeller, 'Seller').id;
    const state = async () => ({
      enrolled: (await t.dataSource.query('SELECT count(*)::int AS n FROM training_enrollments WHERE seller_id = $1', [sellerId]))[0].n,
      roles: (await t.dataSource.query('SELECT roles::text[] AS roles FROM users WHERE id = $1', [ibu.userId]))[0].roles,
      status: (await t.dataSource.query('SELECT status FROM sellers WHERE id = $1', [sellerId]))[0].status,
      verifiedEntries: (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE subject_id = $1 AND action = 'SELLER_VERIFIED'`, [sellerId]))[0].n,
    });
    const VERIFY = TxVerifySellerDocument;
    const before = await state();
    expect(before).toEqual({ enrolled: 0, roles: ['BUYER'], status: 'PENDING', verifiedEntries: 0 });

    expectMaskedFailure(await failing('audit:SELLER_VERIFIED', () => t.gql(VERIFY, { id: sellerId }, { token: officer.token })));
    expect(await state()).toEqual(before);

    // The same call without the sabotage writes all of it: the test watches the right rows.
    expect((await t.gql(VERIFY, { id: sellerId }, { token: officer.token })).data).toEqual({ verifySeller: { __typename: 'Seller', id: sellerId, status: 'VERIFIED' } });
    expect(await state()).toEqual({ enrolled: 1, roles: ['BUYER', 'SELLER'], status: 'VERIFIED', verifiedEntries: 1 });
  });

  it('register: a failing first session leaves no account behind, so she can simply register again', async () => {
    const REGISTER = AccountsRegisterDocument;
    const input = { displayName: 'Rahmawati', phone: '081244440002', password: 'rahasia-sekali' };
    const accounts = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE phone = '+6281244440002'`))[0].n;

    expectMaskedFailure(await failing('session', () => t.gql(REGISTER, { input })));
    expect(await accounts()).toBe(0);
    expectResult((await t.gql(REGISTER, { input })).data?.register, 'AuthSession');
    expect(await accounts()).toBe(1);
  });

  it('login: a failing new session keeps the one it was to replace', async () => {
    const me = await signIn(t, { displayName: 'Ani Lestari' });
    expectMaskedFailure(await failing('session', () => t.gql(LoginDocument, { identifier: me.phone, password: 'kata-sandi-uji' }, { token: me.token })));
    expect((await t.gql(MeDocument, {}, { token: me.token })).data!.me!.id).toBe(me.userId);
  });

  it('resetPassword: a failing new session keeps the old password, the old sessions and the code', async () => {
    const me = await signIn(t, { displayName: 'Wahyuni' });
    await t.gql(RequestPasswordResetDocument, { identifier: me.phone });
    const [{ body }] = await t.dataSource.query('SELECT body FROM outbox_messages WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1', [me.phone]);
    const code = /(\d{6})/.exec(body)![1];
    const reset = () => t.gql(ResetPasswordDocument, { identifier: me.phone, code, newPassword: 'sandi-baru-sekali' });

    expectMaskedFailure(await failing('session', reset));
    expect((await t.gql(MeDocument, {}, { token: me.token })).data!.me!.id).toBe(me.userId);
    expectResult((await t.gql(LoginDocument, { identifier: me.phone, password: 'kata-sandi-uji' })).data?.login, 'AuthSession');
    expectResult((await reset()).data?.resetPassword, 'AuthSession');
  });

  it('removeProductPhoto: a failing audit entry keeps the photo, its order and its files (deleted only after a commit)', async () => {
    const kampung = await createKampung(t);
    const { seller, login } = await createSellerAccount(t, kampung);
    const product = await createProduct(t, seller);
    const photo = await createPhoto(t, product, { width: 40, height: 30 });
    const files = [photo.id].flatMap((id) => Object.values(PhotoSize).map((size) => variantKey(id, size)));
    const REMOVE = TxRemoveProductPhotoDocument;

    expectMaskedFailure(await failing('audit:PHOTO_REMOVED', () => t.gql(REMOVE, { id: photo.id }, { token: login.token })));
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM product_photos WHERE id = $1', [photo.id])).toEqual([{ n: 1 }]);
    for (const key of files) expect(await t.storage.stat(key)).not.toBeNull();

    expect((await t.gql(REMOVE, { id: photo.id }, { token: login.token })).data).toEqual({ removeProductPhoto: { __typename: 'Product', id: product.id } });
    for (const key of files) expect(await t.storage.stat(key)).toBeNull();
  });

  it('an error result rolls its transaction back: what was written before it was decided, and the work queued after commit, are undone', async () => {
    const connection = t.get(TransactionalConnection);
    const code = `64.71.98.${String(Date.now()).slice(-4)}`;
    const kampungs = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM kampungs WHERE kemendagri_code = $1', [code]))[0].n;
    let afterCommitRan = false;
    const result = await connection.withTransaction(RequestContext.forSystem('photo-job'), async (ctx) => {
      await connection.manager(ctx).query(`INSERT INTO kampungs (name, slug, kelurahan, kecamatan, kemendagri_code, status) VALUES ('Kampung Batal', $1, 'Batal', 'Batal', $2, 'TARGET')`, [`batal-${code}`, code]);
      await connection.afterCommit(ctx, async () => {
        afterCommitRan = true;
      });
      return new NotFoundError(EntityKind.KAMPUNG);
    });
    expect(result).toBeInstanceOf(NotFoundError);
    expect({ kampungs: await kampungs(), afterCommitRan }).toEqual({ kampungs: 0, afterCommitRan: false });

    // The same work answering a success commits: the test watches the right row.
    await connection.withTransaction(RequestContext.forSystem('photo-job'), (ctx) =>
      connection.manager(ctx).query(`INSERT INTO kampungs (name, slug, kelurahan, kecamatan, kemendagri_code, status) VALUES ('Kampung Jadi', $1, 'Jadi', 'Jadi', $2, 'TARGET')`, [`jadi-${code}`, code]),
    );
    expect(await kampungs()).toBe(1);
  });

  it('a mutation answering an error result leaves the state as it was: nothing of an archived product\'s update is saved', async () => {
    const kampung = await createKampung(t);
    const { seller, login } = await createSellerAccount(t, kampung);
    const product = await createProduct(t, seller, { status: 'ARCHIVED' as never, title: 'Kain Lama', priceIdr: 100_000n });
    const row = async () => (await t.dataSource.query('SELECT title, price_idr, status, (SELECT count(*)::int FROM audit_entries WHERE subject_id = $1) AS audited FROM products WHERE id = $1', [product.id]))[0];
    const before = await row();
    const response = await t.gql(ProductUpdateInTxDocument, { id: product.id, input: { title: 'Kain Baru', priceIdr: '999000', status: 'ACTIVE' } }, { token: login.token });
    expect(response.data!.updateProduct).toMatchObject({ __typename: 'ProductArchivedError' });
    expect(await row()).toEqual(before);
  });
});
