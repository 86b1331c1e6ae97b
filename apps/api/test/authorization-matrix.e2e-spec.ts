import { Role } from '../src/modules/accounts/models/role.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import { SellerStatus } from '../src/modules/sellers/models/seller-status.enum.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { createKampung, createPhoto, createProduct, createSeller, createSellerAccount, createTrainingProgram, enroll, signIn } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

type Persona = 'anonymous' | 'buyer' | 'sellerA' | 'sellerB' | 'pendampingA' | 'pendampingB' | 'officer' | 'admin';
const PERSONAS: Persona[] = ['anonymous', 'buyer', 'sellerA', 'sellerB', 'pendampingA', 'pendampingB', 'officer', 'admin'];
type Outcome = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

interface Case {
  name: string;
  /** Fresh subjects for one call, so an allowed call does not change what the next persona sees. */
  prepare: () => Promise<{ query: string; variables?: Record<string, unknown>; state: () => Promise<unknown> }>;
  expected: Record<Persona, Outcome>;
}

const everyone = (outcome: Outcome): Record<Persona, Outcome> => Object.fromEntries(PERSONAS.map((p) => [p, outcome])) as Record<Persona, Outcome>;
const signedIn = (overrides: Partial<Record<Persona, Outcome>> = {}): Record<Persona, Outcome> => ({ ...everyone('ALLOW'), anonymous: 'UNAUTHENTICATED', ...overrides });
const only = (...allowed: Persona[]): Record<Persona, Outcome> =>
  Object.fromEntries(PERSONAS.map((p) => [p, allowed.includes(p) ? 'ALLOW' : p === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'])) as Record<Persona, Outcome>;

describe('authorization matrix: every query and mutation × every kind of caller', () => {
  let t: TestApp;
  let kampungA: Kampung;
  let sellerA: Seller;
  const tokens: Partial<Record<Persona, string>> = {};
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    kampungA = await createKampung(t, { name: 'Teritip' });
    const kampungB = await createKampung(t, { name: 'Manggar' });
    const a = await createSellerAccount(t, kampungA, 'Penjual A');
    const b = await createSellerAccount(t, kampungB, 'Penjual B');
    sellerA = a.seller;
    tokens.sellerA = a.login.token;
    tokens.sellerB = b.login.token;
    tokens.buyer = (await signIn(t, { displayName: 'Pembeli' })).token;
    tokens.pendampingA = (await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [kampungA] })).token;
    tokens.pendampingB = (await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [kampungB] })).token;
    tokens.officer = (await signIn(t, { roles: [Role.OFFICER] })).token;
    tokens.admin = (await signIn(t, { roles: [Role.ADMIN] })).token;
  });
  afterAll(() => t.close());

  const productOfA = async () => (await createProduct(t, sellerA, { slug: `a-${++counter}` })).id;
  const productState = (id: string) => async () => t.dataSource.query('SELECT title, stock, status, price_idr FROM products WHERE id = $1', [id]);
  const pendingInA = async () => (await createSeller(t, kampungA, { status: SellerStatus.PENDING } as Partial<Seller>)).id;
  const sellerState = (id: string) => async () => t.dataSource.query('SELECT status, rejection_reason FROM sellers WHERE id = $1', [id]);
  const nothing = async () => null;
  const productCount = async () => t.dataSource.query('SELECT count(*)::int AS n FROM products');

  /** Seller A as a participant of a cohort (enrolled, on its roster), made once. */
  let participant: Promise<Seller> | null = null;
  const participantA = () =>
    (participant ??= (async () => {
      const program = await createTrainingProgram(t, { slug: `dampak-${++counter}` });
      await enroll(t, program, sellerA);
      await t.dataSource.query(`INSERT INTO roster_entries (training_program_id, name, phone, kampung_id, baseline_monthly_income_idr) VALUES ($1, 'Penjual A', $2, $3, 500000)`, [program.id, sellerA.whatsappNumber, kampungA.id]);
      return sellerA;
    })());

  const CASES: Case[] = [
    ...['{ products { totalCount } }', '{ product(slug: "x") { id } }', '{ seller(slug: "x") { id } }', '{ kampungs { id } }', '{ kampung(slug: "x") { id } }', '{ trainingPrograms { id } }', '{ motifs { id } }', '{ me { id } }', 'mutation { recordProductView(slug: "x") }'].map(
      (query): Case => ({ name: `query ${query}`, prepare: async () => ({ query, state: nothing }), expected: everyone('ALLOW') }),
    ),
    { name: 'query devOutbox', prepare: async () => ({ query: '{ devOutbox { id } }', state: nothing }), expected: only('admin') },
    { name: 'query pendingSellers', prepare: async () => ({ query: '{ pendingSellers { id } }', state: nothing }), expected: only('pendampingA', 'pendampingB', 'officer', 'admin') },
    { name: 'query assistedSellers', prepare: async () => ({ query: '{ assistedSellers { id } }', state: nothing }), expected: only('pendampingA', 'pendampingB') },
    {
      name: "query sellerActivity of seller A",
      prepare: async () => ({ query: 'query($s: ID) { sellerActivity(sellerId: $s) { id } }', variables: { s: sellerA.id }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    {
      name: 'query managedSeller of seller A',
      prepare: async () => ({ query: 'query($id: ID!) { managedSeller(id: $id) { id } }', variables: { id: sellerA.id }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    {
      name: "query sellerProducts of seller A",
      prepare: async () => ({ query: 'query($s: ID) { sellerProducts(sellerId: $s) { totalCount } }', variables: { s: sellerA.id }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    { name: 'mutation logout', prepare: async () => ({ query: 'mutation { logout }', state: nothing }), expected: signedIn() },
    {
      name: 'mutation createProduct for seller A',
      prepare: async () => ({
        query: `mutation($s: ID) { createProduct(input: { sellerId: $s, title: "Kain Uji", description: "Kain batik untuk uji hak akses.", category: KAIN_BATIK, material: "Katun", weightGrams: 300, priceIdr: "100000", stock: 1 }) { id } }`,
        variables: { s: sellerA.id },
        state: productCount,
      }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    ...[
      ['updateProduct', 'mutation($id: ID!) { updateProduct(id: $id, input: { title: "Judul Baru" }) { id } }'],
      ['setProductStock', 'mutation($id: ID!) { setProductStock(id: $id, stock: 9) { id } }'],
      ['archiveProduct', 'mutation($id: ID!) { archiveProduct(id: $id) { id } }'],
    ].map(
      ([name, query]): Case => ({
        name: `mutation ${name} on seller A's product`,
        prepare: async () => {
          const id = await productOfA();
          return { query, variables: { id }, state: productState(id) };
        },
        expected: only('sellerA', 'pendampingA', 'admin'),
      }),
    ),
    ...[
      ['verifySeller', 'mutation($id: ID!) { verifySeller(sellerId: $id) { id } }'],
      ['rejectSeller', 'mutation($id: ID!) { rejectSeller(sellerId: $id, reason: "Tidak ada di daftar peserta.") { id } }'],
    ].map(
      ([name, query]): Case => ({
        name: `mutation ${name} of an applicant in kampung A`,
        prepare: async () => {
          const id = await pendingInA();
          return { query, variables: { id }, state: sellerState(id) };
        },
        expected: only('pendampingA', 'officer', 'admin'),
      }),
    ),
    {
      name: 'mutation assignPendamping',
      prepare: async () => {
        const target = await signIn(t);
        return {
          query: 'mutation($i: String!, $k: ID!) { assignPendamping(identifier: $i, kampungId: $k) { id } }',
          variables: { i: target.phone, k: kampungA.id },
          state: async () => t.dataSource.query('SELECT roles FROM users WHERE id = $1', [target.userId]),
        };
      },
      expected: only('officer', 'admin'),
    },
    {
      name: "query product.managedPhotos of seller A's product",
      prepare: async () => {
        const product = await createProduct(t, sellerA, { slug: `mp-${++counter}` });
        return { query: 'query($s: String!) { product(slug: $s) { managedPhotos { id } } }', variables: { s: product.slug }, state: nothing };
      },
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    {
      name: "query managedProduct of seller A's product",
      prepare: async () => ({ query: 'query($id: ID!) { managedProduct(id: $id) { id } }', variables: { id: await productOfA() }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    {
      name: "mutation createPhotoUpload for seller A's product",
      prepare: async () => ({ query: 'mutation($p: ID!) { createPhotoUpload(productId: $p, contentType: "image/jpeg", byteSize: 1000) { key } }', variables: { p: await productOfA() }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    {
      name: "mutation attachProductPhoto to seller A's product",
      prepare: async () => {
        const productId = await productOfA();
        const key = `uploads/${productId}/${randomUUID()}`;
        const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#aa7744' } }).jpeg().toBuffer();
        await t.storage.put(key, bytes, 'image/jpeg');
        return {
          query: 'mutation($p: ID!, $k: String!) { attachProductPhoto(productId: $p, key: $k, alt: "Foto") { id } }',
          variables: { p: productId, k: key },
          state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM product_photos WHERE product_id = $1', [productId]),
        };
      },
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    ...[
      ['updatePhotoAlt', 'mutation($id: ID!) { updatePhotoAlt(photoId: $id, alt: "Keterangan baru") { id } }'],
      ['removeProductPhoto', 'mutation($id: ID!) { removeProductPhoto(photoId: $id) }'],
    ].map(
      ([name, query]): Case => ({
        name: `mutation ${name} on a photo of seller A`,
        prepare: async () => {
          const product = await createProduct(t, sellerA, { slug: `ph-${++counter}` });
          const photo = await createPhoto(t, product, { width: 40, height: 30 });
          return { query, variables: { id: photo.id }, state: async () => t.dataSource.query('SELECT alt, position FROM product_photos WHERE id = $1', [photo.id]) };
        },
        expected: only('sellerA', 'pendampingA', 'admin'),
      }),
    ),
    {
      name: 'mutation reorderProductPhotos on seller A',
      prepare: async () => {
        const product = await createProduct(t, sellerA, { slug: `ro-${++counter}` });
        const first = await createPhoto(t, product, { width: 40, height: 30, position: 0 });
        const second = await createPhoto(t, product, { width: 40, height: 30, position: 1 });
        return {
          query: 'mutation($p: ID!, $ids: [ID!]!) { reorderProductPhotos(productId: $p, photoIds: $ids) { id } }',
          variables: { p: product.id, ids: [second.id, first.id] },
          state: async () => t.dataSource.query('SELECT id, position FROM product_photos WHERE product_id = $1 ORDER BY id', [product.id]),
        };
      },
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    {
      name: 'mutation unassignPendamping',
      prepare: async () => {
        const helper = await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [kampungA] });
        return {
          query: 'mutation($i: String!, $k: ID!) { unassignPendamping(identifier: $i, kampungId: $k) }',
          variables: { i: helper.phone, k: kampungA.id },
          state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM pendamping_assignments WHERE user_id = $1', [helper.userId]),
        };
      },
      expected: only('officer', 'admin'),
    },
    {
      name: 'mutation createKampung',
      prepare: async () => ({
        query: `mutation($c: String!) { createKampung(input: { name: "Kampung Uji", kelurahan: "Uji", kecamatan: "Balikpapan Barat", kemendagriCode: $c, status: TARGET }) { id } }`,
        variables: { c: `64.71.99.${String(1000 + ++counter).slice(-4)}` },
        state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM kampungs'),
      }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'mutation updateKampung',
      prepare: async () => ({ query: 'mutation($id: ID!) { updateKampung(id: $id, input: { description: "Diubah" }) { id } }', variables: { id: kampungA.id }, state: async () => t.dataSource.query('SELECT description FROM kampungs WHERE id = $1', [kampungA.id]) }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'mutation createTrainingProgram',
      prepare: async () => ({
        query: `mutation { createTrainingProgram(input: { title: "Pelatihan Uji", skill: BAG, startDate: "2026-12-01", endDate: "2026-12-02", budgetIdr: "1000000", provider: "DP3AKB", participantCount: 10, location: "Balikpapan" }) { id } }`,
        state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM training_programs'),
      }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'mutations updateTrainingProgram and importRoster',
      prepare: async () => {
        const program = await createTrainingProgram(t, { slug: `uji-${++counter}` });
        return {
          query: `mutation($id: ID!, $csv: String!) { updateTrainingProgram(id: $id, input: { title: "Judul Baru Pelatihan" }) { id }
            importRoster(trainingProgramId: $id, csv: $csv, dryRun: false) { newCount } }`,
          variables: { id: program.id, csv: 'nama,telepon,kampung,penghasilan\nSiti,081230009999,Teritip,1000000' },
          state: async () => t.dataSource.query('SELECT title, (SELECT count(*)::int FROM roster_entries WHERE training_program_id = $1) AS roster FROM training_programs WHERE id = $1', [program.id]),
        };
      },
      expected: only('officer', 'admin'),
    },
    {
      name: 'query TrainingProgram.roster',
      prepare: async () => ({ query: '{ trainingPrograms { roster { id } } }', state: nothing }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'query Kampung.pendamping',
      prepare: async () => ({ query: '{ kampungs { pendamping { userId } } }', state: nothing }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'query Seller.rosterMatches',
      prepare: async () => ({ query: '{ pendingSellers { rosterMatches { id } } }', state: nothing }),
      expected: only('pendampingA', 'pendampingB', 'officer', 'admin'),
    },
    // --- Impact: individual income for officers, her pendamping and herself; aggregates for everyone.
    ...['{ publicImpact { minimumCell } }', 'query { saleSinceTraining(sellerOrderId: "00000000-0000-4000-8000-000000000000") { ordinal } }'].map(
      (query): Case => ({ name: `query ${query}`, prepare: async () => ({ query, state: nothing }), expected: everyone('ALLOW') }),
    ),
    { name: 'query impactReport', prepare: async () => ({ query: '{ impactReport { participants participantRows { name } } }', state: nothing }), expected: only('pendampingA', 'pendampingB', 'officer', 'admin') },
    {
      name: 'query participantImpact of seller A',
      prepare: async () => ({ query: 'query($s: ID!) { participantImpact(sellerId: $s) { offlineTotalIdr } }', variables: { s: (await participantA()).id }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'officer', 'admin'),
    },
    {
      name: 'mutation recordOfflineSale for seller A',
      prepare: async () => ({
        query: 'mutation($s: ID) { recordOfflineSale(input: { sellerId: $s, soldOn: "2026-11-02", amountIdr: "150000", channel: PASAR }) { __typename } }',
        variables: { s: sellerA.id },
        state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM offline_sales'),
      }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    ...[
      ['updateOfflineSale', 'mutation($id: ID!) { updateOfflineSale(id: $id, input: { soldOn: "2026-11-03", amountIdr: "99000", channel: TITIP_TOKO }) { __typename } }'],
      ['removeOfflineSale', 'mutation($id: ID!) { removeOfflineSale(id: $id) { __typename } }'],
    ].map(
      ([name, query]): Case => ({
        name: `mutation ${name} on seller A's offline sale`,
        prepare: async () => {
          const [{ id }] = await t.dataSource.query(`INSERT INTO offline_sales (seller_id, sold_on, amount_idr, channel, recorded_by_name) VALUES ($1, '2026-11-01', 120000, 'PASAR', 'Penjual A') RETURNING id`, [sellerA.id]);
          return { query, variables: { id }, state: async () => t.dataSource.query('SELECT amount_idr, channel FROM offline_sales WHERE id = $1', [id]) };
        },
        expected: only('sellerA', 'pendampingA', 'admin'),
      }),
    ),
    { name: 'query surveyTasks', prepare: async () => ({ query: '{ surveyTasks { id } }', state: nothing }), expected: signedIn() },
    {
      name: 'mutation recordSurveyAnswer for a participant in kampung A',
      prepare: async () => {
        const seller = await participantA();
        const [{ id }] = await t.dataSource.query(
          `INSERT INTO survey_tasks (roster_entry_id, training_program_id, kampung_id, wave, due_on)
           SELECT r.id, r.training_program_id, r.kampung_id, 3 + (SELECT count(*)::int FROM survey_tasks), '2026-06-13' FROM roster_entries r WHERE r.phone = $1 RETURNING id`,
          [seller.whatsappNumber],
        );
        return {
          query: 'mutation($id: ID!) { recordSurveyAnswer(input: { taskId: $id, monthlyIncomeIdr: "900000" }) { __typename } }',
          variables: { id },
          state: async () => t.dataSource.query('SELECT monthly_income_idr FROM survey_tasks WHERE id = $1', [id]),
        };
      },
      expected: only('sellerA', 'pendampingA', 'officer', 'admin'),
    },
    { name: 'query uppkaGroups', prepare: async () => ({ query: '{ uppkaGroups { id members { sellerId } } }', state: nothing }), expected: only('pendampingA', 'pendampingB', 'officer', 'admin') },
    {
      name: 'mutation createUppkaGroup',
      prepare: async () => ({
        query: 'mutation($k: ID!, $n: String!) { createUppkaGroup(input: { kampungId: $k, name: $n }) { __typename } }',
        variables: { k: kampungA.id, n: `UPPKA Uji ${++counter}` },
        state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM uppka_groups'),
      }),
      expected: only('officer', 'admin'),
    },
    ...[
      ['addUppkaMember', 'mutation($g: ID!, $s: ID!) { addUppkaMember(groupId: $g, sellerId: $s) { __typename } }'],
      ['removeUppkaMember', 'mutation($g: ID!, $s: ID!) { removeUppkaMember(groupId: $g, sellerId: $s) { __typename } }'],
    ].map(
      ([name, query]): Case => ({
        name: `mutation ${name}`,
        prepare: async () => {
          const [{ id }] = await t.dataSource.query(`INSERT INTO uppka_groups (kampung_id, name) VALUES ($1, $2) RETURNING id`, [kampungA.id, `UPPKA Anggota ${++counter}`]);
          if (name === 'removeUppkaMember') await t.dataSource.query('INSERT INTO uppka_members (group_id, seller_id) VALUES ($1, $2)', [id, sellerA.id]);
          return { query, variables: { g: id, s: sellerA.id }, state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM uppka_members WHERE group_id = $1', [id]) };
        },
        expected: only('officer', 'admin'),
      }),
    ),
    {
      name: 'mutation requestImpactExport',
      prepare: async () => ({ query: 'mutation { requestImpactExport(format: CSV) { __typename } }', state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM impact_exports') }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'queries impactExport and impactExports',
      prepare: async () => {
        const [{ id }] = await t.dataSource.query(`INSERT INTO impact_exports (requested_by_user_id, requested_by_name, format, filter, with_names) VALUES (gen_random_uuid(), 'Petugas lain', 'PDF', '{}', true) RETURNING id`);
        return { query: 'query($id: ID!) { impactExports { id } impactExport(id: $id) { status downloadUrl } }', variables: { id }, state: nothing };
      },
      // Someone else's export: NOT_FOUND for an officer, which is past authorization; an admin sees it.
      expected: only('officer', 'admin'),
    },
    {
      name: 'mutation applyAsSeller',
      prepare: async () => ({
        query: `mutation($k: ID!) { applyAsSeller(input: { kampungId: $k, story: "Saya ingin berjualan batik.", whatsapp: "081277779999" }) { id } }`,
        variables: { k: kampungA.id },
        state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM sellers'),
      }),
      // Sellers already have a shop: CONFLICT, which the allow-list treats as "got past authorization".
      expected: signedIn(),
    },
  ];

  for (const testCase of CASES) {
    it(`${testCase.name}`, async () => {
      for (const persona of PERSONAS) {
        // logout ends the session it is called with: use a throwaway session of the same kind there.
        const token = testCase.name === 'mutation logout' && persona !== 'anonymous' ? await freshToken(persona) : tokens[persona];
        const { query, variables, state } = await testCase.prepare();
        const before = await state();
        const response = await t.gql(query, variables, { token });
        const code = response.errors?.[0]?.extensions?.code;
        const expected = testCase.expected[persona];
        // A server failure is never "got past authorization": it hides what the caller would get.
        const outcome: Outcome | 'INTERNAL_SERVER_ERROR' = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'INTERNAL_SERVER_ERROR' ? code : 'ALLOW';
        expect({ persona, outcome, message: outcome === expected ? undefined : response.errors?.[0]?.message }).toEqual({ persona, outcome: expected, message: undefined });
        if (expected !== 'ALLOW') expect({ persona, state: await state() }).toEqual({ persona, state: before });
      }
    });
  }

  async function freshToken(persona: Persona): Promise<string> {
    const roles: Partial<Record<Persona, Role[]>> = { officer: [Role.OFFICER], admin: [Role.ADMIN], pendampingA: [Role.PENDAMPING], pendampingB: [Role.PENDAMPING], sellerA: [Role.SELLER], sellerB: [Role.SELLER] };
    return (await signIn(t, { roles: roles[persona] ?? [] })).token;
  }
});
