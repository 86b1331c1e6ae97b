import { Role } from '../src/modules/accounts/models/role.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import { SellerStatus } from '../src/modules/sellers/models/seller-status.enum.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import sharp from 'sharp';
import { createKampung, createPhoto, createProduct, createSeller, createSellerAccount, createTrainingProgram, enroll, signIn } from './factories.js';
import * as ops from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './harness/test-app.js';
import { placedOrder } from './checkout-operations.js';
import { PayoutMethod } from '../src/modules/ledger/models/ledger.enums.js';
import { deliverAndRelease, givePayoutDetails, payOrder } from './money-helpers.js';

type Persona = 'anonymous' | 'buyer' | 'sellerA' | 'sellerB' | 'pendampingA' | 'pendampingB' | 'officer' | 'finance' | 'admin';
const PERSONAS: Persona[] = ['anonymous', 'buyer', 'sellerA', 'sellerB', 'pendampingA', 'pendampingB', 'officer', 'finance', 'admin'];
/** NOT_FOUND: an expected NotFoundError result (what is not hers to act on is not there for her), nothing changed. */
type Outcome = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

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
  const results = Object.values(response.data ?? {}) as ({ errorCode?: string; __typename?: string } | null)[];
  if (results.some((result) => REFUSING_RESULTS.has(result?.errorCode ?? ''))) return 'FORBIDDEN';
  return results.some((result) => result?.errorCode === 'NOT_FOUND' || result?.__typename === 'NotFoundError') ? 'NOT_FOUND' : 'ALLOW';
}

const everyone = (outcome: Outcome): Record<Persona, Outcome> => Object.fromEntries(PERSONAS.map((p) => [p, outcome])) as Record<Persona, Outcome>;
const signedIn = (overrides: Partial<Record<Persona, Outcome>> = {}): Record<Persona, Outcome> => ({ ...everyone('ALLOW'), anonymous: 'UNAUTHENTICATED', ...overrides });
const only = (...allowed: Persona[]): Record<Persona, Outcome> =>
  Object.fromEntries(PERSONAS.map((p) => [p, allowed.includes(p) ? 'ALLOW' : p === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'])) as Record<Persona, Outcome>;
/** Signed in required; others than these get NotFoundError. */
const foundFor = (...allowed: Persona[]): Record<Persona, Outcome> =>
  Object.fromEntries(PERSONAS.map((p) => [p, allowed.includes(p) ? 'ALLOW' : p === 'anonymous' ? 'UNAUTHENTICATED' : 'NOT_FOUND'])) as Record<Persona, Outcome>;

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
    tokens.finance = (await signIn(t, { roles: [Role.FINANCE] })).token;
  });
  afterAll(() => t.close());

  const productOfA = async () => (await createProduct(t, sellerA, { slug: `a-${++counter}` })).id;
  const productState = (id: string) => async () => t.dataSource.query('SELECT title, stock, status, price_idr FROM products WHERE id = $1', [id]);
  const pendingInA = async () => (await createSeller(t, kampungA, { status: SellerStatus.PENDING } as Partial<Seller>)).id;
  const sellerState = (id: string) => async () => t.dataSource.query('SELECT status, rejection_reason FROM sellers WHERE id = $1', [id]);
  const nothing = async () => null;
  const productCount = async () => t.dataSource.query('SELECT count(*)::int AS n FROM products');
  /** A seller of kampung A with money available and payout details not on hold (seller A herself when given). */
  const moneyOf = async (method: PayoutMethod, seller?: Seller) => {
    const owner = seller ?? (await createSeller(t, kampungA));
    await deliverAndRelease(t, await payOrder(t, owner, [100_000n]));
    await givePayoutDetails(t, owner, method);
    return owner;
  };
  const pendingPayout = async (method: PayoutMethod, seller?: Seller): Promise<{ id: string }> => {
    const owner = await moneyOf(method, seller);
    const response = await t.gql(ops.MatrixCreatePayoutRunDocument, { s: [owner.id] }, { token: tokens.finance });
    return expectResult(response.data!.createPayoutRun, 'PayoutRun').payouts[0];
  };
  const payoutsOf = (sellerId: string) => async () => t.dataSource.query('SELECT count(*)::int AS n FROM payouts WHERE seller_id = $1', [sellerId]);
  const payoutState = (id: string) => async () => t.dataSource.query('SELECT status, transfer_reference, failure_reason, cash_received_at, (SELECT count(*)::int FROM ledger_transactions WHERE payout_id = $1) AS postings FROM payouts WHERE id = $1', [id]);

  // --- Buying: orders of seller A, placed and paid through the API.
  const orderOfA = async (paymentMethod: 'BANK_TRANSFER' | 'COD' = 'BANK_TRANSFER', pay = true) => {
    const product = await createProduct(t, sellerA, { slug: `o-${++counter}`, stock: 5 });
    const order = await placedOrder(t, [{ productId: product.id, quantity: 1 }], { paymentMethod });
    if (pay && paymentMethod === 'BANK_TRANSFER') await t.gql(ops.ConfirmTransferDocument, { orderId: order.id, amount: order.totalIdr, ref: 'BRI 000111', key: randomUUID() }, { token: tokens.admin });
    return { order, sellerOrderId: order.sellerOrders[0].id, productId: product.id };
  };
  const sellerOrderState = (id: string) => async () => t.dataSource.query('SELECT status, tracking_number, refunded_idr, cash_collected_at FROM seller_orders WHERE id = $1', [id]);
  const orderState = (id: string) => async () => t.dataSource.query('SELECT status, (SELECT count(*)::int FROM payments WHERE order_id = $1 AND status = \'SUCCEEDED\') AS paid FROM orders WHERE id = $1', [id]);

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
    { name: 'query payoutBanks', prepare: async () => ({ document: ops.MatrixPayoutBanksDocument, state: nothing }), expected: everyone('ALLOW') },
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
    // --- Impact: individual income for officers, her pendamping and herself; aggregates for everyone.
    ...(
      [
        ['publicImpact', ops.MatrixPublicImpactDocument],
        ['saleSinceTraining', ops.MatrixSaleSinceTrainingDocument],
      ] as [string, AnyDocument][]
    ).map(([name, document]): Case => ({ name: `query ${name}`, prepare: async () => ({ document, state: nothing }), expected: everyone('ALLOW') })),
    { name: 'query impactReport', prepare: async () => ({ document: ops.MatrixImpactReportDocument, state: nothing }), expected: only('pendampingA', 'pendampingB', 'officer', 'admin') },
    {
      name: 'query participantImpact of seller A',
      prepare: async () => ({ document: ops.MatrixParticipantImpactDocument, variables: { s: (await participantA()).id }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'officer', 'admin'),
    },
    {
      name: 'mutation recordOfflineSale for seller A',
      prepare: async () => ({
        document: ops.MatrixRecordOfflineSaleDocument,
        variables: { s: sellerA.id },
        state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM offline_sales'),
      }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    ...(
      [
        ['updateOfflineSale', ops.MatrixUpdateOfflineSaleDocument],
        ['removeOfflineSale', ops.MatrixRemoveOfflineSaleDocument],
      ] as [string, AnyDocument][]
    ).map(
      ([name, document]): Case => ({
        name: `mutation ${name} on seller A's offline sale`,
        prepare: async () => {
          const [{ id }] = await t.dataSource.query(`INSERT INTO offline_sales (seller_id, sold_on, amount_idr, channel, recorded_by_name) VALUES ($1, '2026-11-01', 120000, 'PASAR', 'Penjual A') RETURNING id`, [sellerA.id]);
          return { document, variables: { id }, state: async () => t.dataSource.query('SELECT amount_idr, channel FROM offline_sales WHERE id = $1', [id]) };
        },
        expected: only('sellerA', 'pendampingA', 'admin'),
      }),
    ),
    { name: 'query surveyTasks', prepare: async () => ({ document: ops.MatrixSurveyTasksDocument, state: nothing }), expected: signedIn() },
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
          document: ops.MatrixRecordSurveyAnswerDocument,
          variables: { id },
          state: async () => t.dataSource.query('SELECT monthly_income_idr FROM survey_tasks WHERE id = $1', [id]),
        };
      },
      expected: only('sellerA', 'pendampingA', 'officer', 'admin'),
    },
    { name: 'query uppkaGroups', prepare: async () => ({ document: ops.MatrixUppkaGroupsDocument, state: nothing }), expected: only('pendampingA', 'pendampingB', 'officer', 'admin') },
    {
      name: 'mutation createUppkaGroup',
      prepare: async () => ({
        document: ops.MatrixCreateUppkaGroupDocument,
        variables: { k: kampungA.id, n: `UPPKA Uji ${++counter}` },
        state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM uppka_groups'),
      }),
      expected: only('officer', 'admin'),
    },
    ...(
      [
        ['addUppkaMember', ops.MatrixAddUppkaMemberDocument],
        ['removeUppkaMember', ops.MatrixRemoveUppkaMemberDocument],
      ] as [string, AnyDocument][]
    ).map(
      ([name, document]): Case => ({
        name: `mutation ${name}`,
        prepare: async () => {
          const [{ id }] = await t.dataSource.query(`INSERT INTO uppka_groups (kampung_id, name) VALUES ($1, $2) RETURNING id`, [kampungA.id, `UPPKA Anggota ${++counter}`]);
          if (name === 'removeUppkaMember') await t.dataSource.query('INSERT INTO uppka_members (group_id, seller_id) VALUES ($1, $2)', [id, sellerA.id]);
          return { document, variables: { g: id, s: sellerA.id }, state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM uppka_members WHERE group_id = $1', [id]) };
        },
        expected: only('officer', 'admin'),
      }),
    ),
    {
      name: 'mutation requestImpactExport',
      prepare: async () => ({ document: ops.MatrixRequestImpactExportDocument, state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM impact_exports') }),
      expected: only('officer', 'admin'),
    },
    {
      name: 'queries impactExport and impactExports',
      prepare: async () => {
        const [{ id }] = await t.dataSource.query(`INSERT INTO impact_exports (requested_by_user_id, requested_by_name, format, filter, with_names) VALUES (gen_random_uuid(), 'Petugas lain', 'PDF', '{}', true) RETURNING id`);
        return { document: ops.MatrixImpactExportsDocument, variables: { id }, state: nothing };
      },
      // Someone else's export: NOT_FOUND for an officer, which is past authorization; an admin sees it.
      expected: only('officer', 'admin'),
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
    ...(
      [
        ['cart', ops.MatrixCartDocument],
        ['areas', ops.MatrixAreasDocument],
        ['searchAreas', ops.MatrixSearchAreasDocument],
        ['shippingRates', ops.MatrixShippingRatesDocument],
        ['order', ops.MatrixOrderDocument],
      ] as [string, AnyDocument][]
    ).map(([name, document]): Case => ({ name: `query ${name}`, prepare: async () => ({ document, state: nothing }), expected: everyone('ALLOW') })),
    {
      name: 'query checkoutQuote and mutation addToCart',
      prepare: async () => {
        const id = await productOfA();
        return { document: ops.MatrixCheckoutQuoteDocument, variables: { p: id }, state: productState(id) };
      },
      expected: everyone('ALLOW'),
    },
    ...(
      [
        ['updateCartLine', ops.MatrixUpdateCartLineDocument],
        ['removeCartLine', ops.MatrixRemoveCartLineDocument],
        ['addToCart', ops.MatrixAddToCartDocument],
      ] as [string, AnyDocument][]
    ).map(
      ([name, document]): Case => ({
        name: `mutation ${name}`,
        prepare: async () => ({ document, variables: { p: randomUUID() }, state: nothing }),
        // Open to all (a guest's cart); with no cart or line of theirs, nothing to change.
        expected: name === 'addToCart' ? everyone('ALLOW') : everyone('NOT_FOUND'),
      }),
    ),
    {
      name: 'mutation placeOrder',
      prepare: async () => {
        const id = await productOfA();
        return {
          document: ops.MatrixPlaceOrderDocument,
          variables: { p: id, s: sellerA.id, k: randomUUID() },
          state: productState(id),
        };
      },
      expected: everyone('ALLOW'),
    },
    ...(
      [
        ['startCardPayment', ops.MatrixStartCardPaymentDocument],
        ['cancelOrder', ops.MatrixCancelOrderDocument],
      ] as [string, AnyDocument][]
    ).map(
      ([name, document]): Case => ({
        name: `mutation ${name} of a guest's order with a wrong phone`,
        prepare: async () => {
          const { order } = await orderOfA('BANK_TRANSFER', false);
          return { document, variables: { c: order.code }, state: orderState(order.id) };
        },
        // Staff find any order; the wrong phone finds nothing for anyone else.
        expected: { ...foundFor('officer', 'finance', 'admin'), anonymous: 'NOT_FOUND' },
      }),
    ),
    { name: 'query myOrders', prepare: async () => ({ document: ops.MatrixMyOrdersDocument, state: nothing }), expected: signedIn() },
    { name: 'query myAddresses', prepare: async () => ({ document: ops.MatrixMyAddressesDocument, state: nothing }), expected: signedIn() },
    {
      name: 'mutations saveAddress, deleteAddress and mergeCart',
      prepare: async () => ({
        document: ops.MatrixAddressesAndMergeCartDocument,
        variables: { id: randomUUID() },
        state: nothing,
      }),
      expected: signedIn(),
    },
    { name: 'query orders (all, staff)', prepare: async () => ({ document: ops.MatrixOrdersDocument, state: nothing }), expected: only('officer', 'finance', 'admin') },
    { name: 'query bankTransferQueue', prepare: async () => ({ document: ops.MatrixBankTransferQueueDocument, state: nothing }), expected: only('finance', 'admin') },
    {
      name: 'mutation updateShippingRate',
      prepare: async () => {
        const [rate] = await t.dataSource.query(`SELECT id FROM shipping_rates WHERE courier = 'JNE' AND service = 'REG' AND zone = 'SUMATRA'`);
        return { document: ops.MatrixUpdateShippingRateDocument, variables: { id: rate.id }, state: async () => t.dataSource.query('SELECT per_kg_idr FROM shipping_rates WHERE id = $1', [rate.id]) };
      },
      expected: only('admin'),
    },
    {
      name: 'mutation confirmBankTransfer',
      prepare: async () => {
        const { order } = await orderOfA('BANK_TRANSFER', false);
        return { document: ops.MatrixConfirmBankTransferDocument, variables: { orderId: order.id, amount: order.totalIdr, key: randomUUID() }, state: orderState(order.id) };
      },
      expected: only('finance', 'admin'),
    },
    {
      name: "mutation resolveOrderFlag on seller A's flagged order",
      prepare: async () => {
        const { order } = await orderOfA();
        await t.dataSource.query(`UPDATE orders SET flag_reason = 'Paid while EXPIRED: refund it' WHERE id = $1`, [order.id]);
        return { document: ops.MatrixResolveOrderFlagDocument, variables: { id: order.id }, state: async () => t.dataSource.query('SELECT flag_reason, (SELECT count(*)::int FROM order_events WHERE order_id = $1) AS events FROM orders WHERE id = $1', [order.id]) };
      },
      expected: only('finance', 'admin'),
    },
    {
      name: "mutation refundSellerOrder on seller A's paid order",
      prepare: async () => {
        const { sellerOrderId } = await orderOfA();
        return { document: ops.MatrixRefundSellerOrderDocument, variables: { id: sellerOrderId, k: randomUUID() }, state: sellerOrderState(sellerOrderId) };
      },
      expected: only('finance', 'admin'),
    },
    {
      name: 'query refundsOwedByHand',
      prepare: async () => ({ document: ops.MatrixRefundsOwedByHandDocument, state: nothing }),
      expected: only('finance', 'admin'),
    },
    {
      name: 'query refundsInProgress',
      prepare: async () => ({ document: ops.MatrixRefundsInProgressDocument, state: nothing }),
      expected: only('finance', 'admin'),
    },
    {
      name: "mutation recordRefundReturned of a refund of seller A's order",
      prepare: async () => {
        const { order, sellerOrderId } = await orderOfA();
        await t.gql(ops.MatrixRefundSellerOrderDocument, { id: sellerOrderId, k: randomUUID() }, { token: tokens.finance });
        const [refund] = await t.dataSource.query('SELECT id FROM refunds WHERE seller_order_id = $1', [sellerOrderId]);
        const state = async () => t.dataSource.query('SELECT returned_at, return_reference, (SELECT count(*)::int FROM ledger_transactions WHERE order_id = $2) AS postings FROM refunds WHERE id = $1', [refund.id, order.id]);
        return { document: ops.MatrixRecordRefundReturnedDocument, variables: { r: refund.id }, state };
      },
      // A transfer refund is sent already: staff get past authorization to TransitionNotAllowedError.
      expected: only('finance', 'admin'),
    },
    {
      name: "query sellerOrders of seller A",
      prepare: async () => ({ document: ops.MatrixSellerOrdersDocument, variables: { s: sellerA.id }, state: nothing }),
      expected: only('sellerA', 'pendampingA', 'admin'),
    },
    ...(
      [
        ['startSellerOrderProcessing', ops.MatrixStartSellerOrderProcessingDocument, 'BANK_TRANSFER'],
        ['markSellerOrderShipped', ops.MatrixMarkSellerOrderShippedDocument, 'BANK_TRANSFER'],
        ['cancelSellerOrder', ops.MatrixCancelSellerOrderDocument, 'BANK_TRANSFER'],
        ['recordCodPayment', ops.MatrixRecordCodPaymentDocument, 'COD'],
        ['completeSellerOrder', ops.MatrixCompleteSellerOrderDocument, 'BANK_TRANSFER'],
      ] as [string, AnyDocument, 'BANK_TRANSFER' | 'COD'][]
    ).map(
      ([name, document, method]): Case => ({
        name: `mutation ${name} on seller A's order`,
        prepare: async () => {
          const { sellerOrderId } = await orderOfA(method);
          return { document, variables: { id: sellerOrderId, k: randomUUID() }, state: sellerOrderState(sellerOrderId) };
        },
        expected: foundFor('sellerA', 'pendampingA', 'admin'),
      }),
    ),
    {
      name: "query sellerOrder of seller A (others: null)",
      prepare: async () => ({ document: ops.MatrixSellerOrderDocument, variables: { id: (await orderOfA()).sellerOrderId }, state: nothing }),
      expected: signedIn(),
    },
    {
      name: "mutation confirmSellerOrderDelivered of a guest's order without its phone",
      prepare: async () => {
        const { sellerOrderId } = await orderOfA();
        await t.gql(ops.MatrixMarkSellerOrderShippedDocument, { id: sellerOrderId }, { token: tokens.sellerA });
        return { document: ops.MatrixConfirmSellerOrderDeliveredDocument, variables: { id: sellerOrderId }, state: sellerOrderState(sellerOrderId) };
      },
      expected: { ...foundFor('admin'), anonymous: 'NOT_FOUND' },
    },
    // Money: a seller sees only her own, her pendamping sees it but cannot change where it goes, only ADMIN/FINANCE pay out.
    ...(
      [
        ['sellerBalance', ops.MatrixSellerBalanceDocument],
        ['payoutDetails', ops.MatrixPayoutDetailsDocument],
      ] as [string, AnyDocument][]
    ).map(
      ([name, document]): Case => ({ name: `query ${name} of seller A`, prepare: async () => ({ document, variables: { s: sellerA.id }, state: nothing }), expected: only('sellerA', 'pendampingA', 'admin', 'finance') }),
    ),
    ...(
      [
        ['commissionRules', ops.MatrixCommissionRulesDocument],
        ['payoutRuns', ops.MatrixPayoutRunsDocument],
        ['reconciliationReport', ops.MatrixReconciliationReportDocument],
      ] as [string, AnyDocument][]
    ).map(([name, document]): Case => ({ name: `query ${name}`, prepare: async () => ({ document, state: nothing }), expected: only('admin', 'finance') })),
    {
      name: 'mutation setPayoutDetails for seller A',
      prepare: async () => ({
        document: ops.MatrixSetPayoutDetailsDocument,
        variables: { s: sellerA.id, n: String(1_000_000_000 + ++counter) },
        state: async () => t.dataSource.query('SELECT account_number FROM payout_details WHERE seller_id = $1', [sellerA.id]),
      }),
      expected: only('sellerA', 'admin'),
    },
    {
      name: 'mutation setCommissionRule',
      prepare: async () => ({
        document: ops.MatrixSetCommissionRuleDocument,
        variables: { s: sellerA.id, r: ++counter },
        state: async () => t.dataSource.query('SELECT count(*)::int AS n FROM commission_rules'),
      }),
      expected: only('admin'),
    },
    {
      name: 'mutation createPayoutRun',
      prepare: async () => {
        const seller = await moneyOf(PayoutMethod.BANK_TRANSFER);
        return { document: ops.MatrixCreatePayoutRunDocument, variables: { s: [seller.id] }, state: payoutsOf(seller.id) };
      },
      expected: only('admin', 'finance'),
    },
    ...(
      [
        ['markPayoutPaid', ops.MatrixMarkPayoutPaidDocument],
        ['markPayoutFailed', ops.MatrixMarkPayoutFailedDocument],
      ] as [string, AnyDocument][]
    ).map(
      ([name, document]): Case => ({
        name: `mutation ${name}`,
        prepare: async () => {
          const payout = await pendingPayout(PayoutMethod.BANK_TRANSFER);
          return { document, variables: { p: payout.id }, state: payoutState(payout.id) };
        },
        expected: only('admin', 'finance'),
      }),
    ),
    {
      name: 'mutation createCashReceiptUpload for a seller of kampung A',
      prepare: async () => ({ document: ops.MatrixCreateCashReceiptUploadDocument, variables: { p: (await pendingPayout(PayoutMethod.CASH_VIA_PENDAMPING)).id }, state: nothing }),
      expected: only('pendampingA', 'admin'),
    },
    {
      name: 'mutation recordCashHandover for a seller of kampung A',
      prepare: async () => {
        const payout = await pendingPayout(PayoutMethod.CASH_VIA_PENDAMPING);
        const key = `receipts/${payout.id}/${randomUUID()}`;
        await t.storage.put(key, await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ffffff' } }).jpeg().toBuffer(), 'image/jpeg');
        return { document: ops.MatrixRecordCashHandoverDocument, variables: { p: payout.id, k: key }, state: payoutState(payout.id) };
      },
      expected: only('pendampingA', 'admin'),
    },
    {
      name: "mutation confirmCashReceived of seller A's cash",
      prepare: async () => {
        const payout = await pendingPayout(PayoutMethod.CASH_VIA_PENDAMPING, sellerA);
        await t.dataSource.query(`UPDATE payouts SET status = 'PAID', paid_at = now() WHERE id = $1`, [payout.id]);
        return { document: ops.MatrixConfirmCashReceivedDocument, variables: { p: payout.id }, state: payoutState(payout.id) };
      },
      // Anyone else signed in learns only that there is no such payout of hers (PayoutNotFoundError).
      expected: foundFor('sellerA'),
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
    const roles: Partial<Record<Persona, Role[]>> = { officer: [Role.OFFICER], finance: [Role.FINANCE], admin: [Role.ADMIN], pendampingA: [Role.PENDAMPING], pendampingB: [Role.PENDAMPING], sellerA: [Role.SELLER], sellerB: [Role.SELLER] };
    return (await signIn(t, { roles: roles[persona] ?? [] })).token;
  }
});
