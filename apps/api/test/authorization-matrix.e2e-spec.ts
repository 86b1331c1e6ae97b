import { Role } from '../src/modules/accounts/models/role.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import { SellerStatus } from '../src/modules/sellers/models/seller-status.enum.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import sharp from 'sharp';
import { createKampung, createPhoto, createProduct, createSeller, createSellerAccount, createTrainingProgram, signIn } from './factories.js';
import * as ops from './generated/graphql.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './harness/test-app.js';

type Persona = 'anonymous' | 'buyer' | 'sellerA' | 'sellerB' | 'pendampingA' | 'pendampingB' | 'officer' | 'admin';
const PERSONAS: Persona[] = ['anonymous', 'buyer', 'sellerA', 'sellerB', 'pendampingA', 'pendampingB', 'officer', 'admin'];
type Outcome = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

// The documents differ per case; the classification reads only codes and result types.
type AnyDocument = TypedDocumentNode<any, any>;

interface Case {
  name: string;
  /** Fresh subjects for one call, so an allowed call does not change what the next persona sees. */
  prepare: () => Promise<{ document: AnyDocument; variables?: Record<string, unknown>; state: () => Promise<unknown> }>;
  expected: Record<Persona, Outcome>;
}

/**
 * Error results that refuse the caller rather than her input: denied like FORBIDDEN, never ALLOW. (A
 * pendamping acting for another kampung's seller gets NotYourSellerError: she may do this, not to her.)
 */
const REFUSING_RESULTS = new Set(['NOT_YOUR_SELLER']);

/** A thrown UNAUTHENTICATED / FORBIDDEN / server failure, a refusing result as FORBIDDEN, anything else as past authorization. */
function outcomeOf(response: GraphQLResponse<Record<string, unknown> | null>): Outcome | 'INTERNAL_SERVER_ERROR' {
  const code = response.errors?.[0]?.extensions?.code;
  // A server failure is never "got past authorization": it hides what the caller would get.
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'INTERNAL_SERVER_ERROR') return code;
  const results = Object.values(response.data ?? {}) as ({ errorCode?: string } | null)[];
  return results.some((result) => REFUSING_RESULTS.has(result?.errorCode ?? '')) ? 'FORBIDDEN' : 'ALLOW';
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

  const CASES: Case[] = [
    ...(
      [
        ['products', ops.MatrixProductsDocument],
        ['product', ops.MatrixProductDocument],
        ['seller', ops.MatrixSellerDocument],
        ['kampungs', ops.MatrixKampungsDocument],
        ['kampung', ops.MatrixKampungDocument],
        ['trainingPrograms', ops.MatrixTrainingProgramsDocument],
        ['motifs', ops.MatrixMotifsDocument],
        ['me', ops.MatrixMeDocument],
        ['mutation recordProductView', ops.MatrixRecordProductViewDocument],
      ] as [string, AnyDocument][]
    ).map(([name, document]): Case => ({ name: `query ${name}`, prepare: async () => ({ document, state: nothing }), expected: everyone('ALLOW') })),
    { name: 'query devOutbox', prepare: async () => ({ document: ops.MatrixDevOutboxDocument, state: nothing }), expected: only('admin') },
    { name: 'query pendingSellers', prepare: async () => ({ document: ops.MatrixPendingSellersDocument, state: nothing }), expected: only('pendampingA', 'pendampingB', 'officer', 'admin') },
    { name: 'query assistedSellers', prepare: async () => ({ document: ops.MatrixAssistedSellersDocument, state: nothing }), expected: only('pendampingA', 'pendampingB') },
    {
      name: "query sellerActivity of seller A",
      prepare: async () => ({ document: ops.MatrixSellerActivityDocument, variables: { s: sellerA.id }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    {
      name: 'query managedSeller of seller A',
      prepare: async () => ({ document: ops.MatrixManagedSellerDocument, variables: { id: sellerA.id }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    {
      name: "query sellerProducts of seller A",
      prepare: async () => ({ document: ops.MatrixSellerProductsDocument, variables: { s: sellerA.id }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    { name: 'mutation logout', prepare: async () => ({ document: ops.MatrixLogoutDocument, state: nothing }), expected: signedIn() },
    {
      name: 'mutation createProduct for seller A',
      prepare: async () => ({ document: ops.MatrixCreateProductDocument, variables: { s: sellerA.id }, state: productCount }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    ...(
      [
        ['updateProduct', ops.MatrixUpdateProductDocument],
        ['setProductStock', ops.MatrixSetProductStockDocument],
        ['archiveProduct', ops.MatrixArchiveProductDocument],
      ] as [string, AnyDocument][]
    ).map(
      ([name, document]): Case => ({
        name: `mutation ${name} on seller A's product`,
        prepare: async () => {
          const id = await productOfA();
          return { document, variables: { id }, state: productState(id) };
        },
        expected: only('sellerA', 'pendampingA', 'admin'),
      }),
    ),
    ...(
      [
        ['verifySeller', ops.MatrixVerifySellerDocument],
        ['rejectSeller', ops.MatrixRejectSellerDocument],
      ] as [string, AnyDocument][]
    ).map(
      ([name, document]): Case => ({
        name: `mutation ${name} of an applicant in kampung A`,
        prepare: async () => {
          const id = await pendingInA();
          return { document, variables: { id }, state: sellerState(id) };
        },
        expected: only('pendampingA', 'officer', 'admin'),
      }),
    ),
    {
      name: 'mutation assignPendamping',
      prepare: async () => {
        const target = await signIn(t);
        return {
          document: ops.MatrixAssignPendampingDocument,
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
        return { document: ops.MatrixManagedPhotosDocument, variables: { s: product.slug }, state: nothing };
      },
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    {
      name: "query managedProduct of seller A's product",
      prepare: async () => ({ document: ops.MatrixManagedProductDocument, variables: { id: await productOfA() }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    {
      name: "mutation createPhotoUpload for seller A's product",
      prepare: async () => ({ document: ops.MatrixCreatePhotoUploadDocument, variables: { p: await productOfA() }, state: nothing }),
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
          document: ops.MatrixAttachProductPhotoDocument,
          variables: { p: productId, k: key },
          state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM product_photos WHERE product_id = $1', [productId]),
        };
      },
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    ...(
      [
        ['updatePhotoAlt', ops.MatrixUpdatePhotoAltDocument],
        ['removeProductPhoto', ops.MatrixRemoveProductPhotoDocument],
      ] as [string, AnyDocument][]
    ).map(
      ([name, document]): Case => ({
        name: `mutation ${name} on a photo of seller A`,
        prepare: async () => {
          const product = await createProduct(t, sellerA, { slug: `ph-${++counter}` });
          const photo = await createPhoto(t, product, { width: 40, height: 30 });
          return { document, variables: { id: photo.id }, state: async () => t.dataSource.query('SELECT alt, position FROM product_photos WHERE id = $1', [photo.id]) };
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
          document: ops.MatrixReorderProductPhotosDocument,
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
          document: ops.MatrixUnassignPendampingDocument,
          variables: { i: helper.phone, k: kampungA.id },
          state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM pendamping_assignments WHERE user_id = $1', [helper.userId]),
        };
      },
      expected: only('officer', 'admin'),
    },
    {
      name: 'mutation createKampung',
      prepare: async () => ({
        document: ops.MatrixCreateKampungDocument,
        variables: { c: `64.71.99.${String(1000 + ++counter).slice(-4)}` },
        state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM kampungs'),
      }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'mutation updateKampung',
      prepare: async () => ({ document: ops.MatrixUpdateKampungDocument, variables: { id: kampungA.id }, state: async () => t.dataSource.query('SELECT description FROM kampungs WHERE id = $1', [kampungA.id]) }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'mutation createTrainingProgram',
      prepare: async () => ({
        document: ops.MatrixCreateTrainingProgramDocument,
        state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM training_programs'),
      }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'mutations updateTrainingProgram and importRoster',
      prepare: async () => {
        const program = await createTrainingProgram(t, { slug: `uji-${++counter}` });
        return {
          document: ops.MatrixUpdateProgramAndImportRosterDocument,
          variables: { id: program.id, csv: 'nama,telepon,kampung,penghasilan\nSiti,081230009999,Teritip,1000000' },
          state: async () => t.dataSource.query('SELECT title, (SELECT count(*)::int FROM roster_entries WHERE training_program_id = $1) AS roster FROM training_programs WHERE id = $1', [program.id]),
        };
      },
      expected: only('officer', 'admin'),
    },
    {
      name: 'query TrainingProgram.roster',
      prepare: async () => ({ document: ops.MatrixTrainingRosterDocument, state: nothing }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'query Kampung.pendamping',
      prepare: async () => ({ document: ops.MatrixKampungPendampingDocument, state: nothing }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'query Seller.rosterMatches',
      prepare: async () => ({ document: ops.MatrixRosterMatchesDocument, state: nothing }),
      expected: only('pendampingA', 'pendampingB', 'officer', 'admin'),
    },
    {
      name: 'mutation applyAsSeller',
      prepare: async () => ({
        document: ops.MatrixApplyAsSellerDocument,
        variables: { k: kampungA.id },
        state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM sellers'),
      }),
      // Sellers already have a shop: AlreadyAppliedError, a result about her, not a refusal of her: "got past authorization".
      expected: signedIn(),
    },
  ];

  for (const testCase of CASES) {
    it(`${testCase.name}`, async () => {
      for (const persona of PERSONAS) {
        // logout ends the session it is called with: use a throwaway session of the same kind there.
        const token = testCase.name === 'mutation logout' && persona !== 'anonymous' ? await freshToken(persona) : tokens[persona];
        const { document, variables, state } = await testCase.prepare();
        const before = await state();
        const response = await t.gql(document, variables, { token });
        const expected = testCase.expected[persona];
        const outcome = outcomeOf(response);
        expect({ persona, outcome, answer: outcome === expected ? undefined : (response.errors ?? response.data) }).toEqual({ persona, outcome: expected, answer: undefined });
        if (expected !== 'ALLOW') expect({ persona, state: await state() }).toEqual({ persona, state: before });
      }
    });
  }

  async function freshToken(persona: Persona): Promise<string> {
    const roles: Partial<Record<Persona, Role[]>> = { officer: [Role.OFFICER], admin: [Role.ADMIN], pendampingA: [Role.PENDAMPING], pendampingB: [Role.PENDAMPING], sellerA: [Role.SELLER], sellerB: [Role.SELLER] };
    return (await signIn(t, { roles: roles[persona] ?? [] })).token;
  }
});
