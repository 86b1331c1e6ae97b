import { Role } from '../src/modules/accounts/models/role.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import type { Product } from '../src/modules/catalog/models/product.model.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { createKampung, createMotif, createPhoto, createProduct, createSellerAccount, createTrainingProgram, enroll, signIn } from './factories.js';
import { randomUUID } from 'node:crypto';
import { AddToCartDocument, ConfirmTransferDocument, type AddToCartMutation, FaRosterMatchesOfSellerDocument, ImportRosterDocument } from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './harness/test-app.js';
import { placedOrder } from './checkout-operations.js';

/**
 * Field-level access: every field of every object type a public query reaches, asked by every kind
 * of caller about the things of two sellers in two kampung KB. A field resolver must scope like the
 * query behind it (a pendamping sees her own kampung's roster data, not another's).
 */
type Persona = 'anonymous' | 'buyer' | 'sellerA' | 'sellerB' | 'pendampingA' | 'pendampingB' | 'officer' | 'admin';
const PERSONAS: Persona[] = ['anonymous', 'buyer', 'sellerA', 'sellerB', 'pendampingA', 'pendampingB', 'officer', 'admin'];
type Subject = 'A' | 'B';
/** NULL: answered, but the value is withheld (viewCount) or there is none (a verified seller's rejectionReason); PARTLY_NULL: some of a list's values are null. */
type Outcome = 'ALLOW' | 'NULL' | 'PARTLY_NULL' | 'UNAUTHENTICATED' | 'FORBIDDEN';
type Expected = (subject: Subject) => Record<Persona, Outcome>;

const PUBLIC_ROOTS = ['products', 'product', 'seller', 'kampungs', 'kampung', 'trainingPrograms', 'motifs', 'cart', 'order', 'areas', 'searchAreas', 'shippingRates', 'payoutBanks', 'publicImpact'];

const all = (outcome: Outcome): Record<Persona, Outcome> => Object.fromEntries(PERSONAS.map((p) => [p, outcome])) as Record<Persona, Outcome>;
const onlyFor = (allowed: Persona[], denied: 'THROWN' | 'NULL'): Record<Persona, Outcome> =>
  Object.fromEntries(PERSONAS.map((p) => [p, allowed.includes(p) ? 'ALLOW' : denied === 'NULL' ? 'NULL' : p === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'])) as Record<Persona, Outcome>;
const managers = (s: Subject): Persona[] => (s === 'A' ? ['sellerA', 'pendampingA', 'admin'] : ['sellerB', 'pendampingB', 'admin']);
const reviewersOf = (s: Subject): Persona[] => [s === 'A' ? 'pendampingA' : 'pendampingB', 'officer', 'admin'];

/** Fields that are not open to everyone; every other reachable field must answer every caller. */
const RESTRICTED: Record<string, Expected> = {
  'Seller.rosterMatches': (s) => onlyFor(reviewersOf(s), 'THROWN'),
  'RosterEntry.*': (s) => onlyFor(reviewersOf(s), 'THROWN'),
  'Product.viewCount': (s) => onlyFor(managers(s), 'NULL'),
  'Product.managedPhotos': (s) => onlyFor(managers(s), 'THROWN'),
  'Kampung.pendamping': () => onlyFor(['officer', 'admin'], 'THROWN'),
  'PendampingSummary.*': () => onlyFor(['officer', 'admin'], 'THROWN'),
  // The test's pendamping signed up with a phone only.
  'PendampingSummary.email': () => ({ ...onlyFor(['officer', 'admin'], 'THROWN'), officer: 'NULL', admin: 'NULL' }),
  'TrainingProgram.roster': () => onlyFor(['officer', 'admin'], 'THROWN'),
  // Storefront sellers are verified and storefront photos READY: nothing to tell.
  'Seller.rejectionReason': () => all('NULL'),
  'ProductPhoto.failureReason': () => all('NULL'),
  // Only a search with a misspelt word has one; the path lists without a search.
  'ProductConnection.searchSuggestion': () => all('NULL'),
  // The subjects' orders are paid by bank transfer and not yet shipped: nothing to tell there.
  'Order.flagReason': () => all('NULL'),
  'OrderPayment.checkoutUrl': () => all('NULL'),
  ...Object.fromEntries(['courier', 'trackingNumber', 'shippedAt', 'deliveredAt', 'completedAt', 'cancelledAt', 'cancelReason', 'cashCollectedAt'].map((f) => [`SellerOrder.${f}`, () => all('NULL')])),
  'OrderEvent.note': () => all('NULL'),
  'CartLine.problem': () => all('NULL'),
  // The first step (placed) comes from no status; the next ones from one.
  'OrderEvent.fromStatus': () => all('PARTLY_NULL'),
  // Aggregates of two participants: every figure is about fewer than 5 people, so none is shown.
  ...Object.fromEntries(['participants', 'sellersVerified', 'activeSellers90', 'salesMedianIdr', 'salesTotalIdr', 'surveyUpliftMedianIdr', 'surveyAnswers'].map((f) => [`PublicImpactRow.${f}`, () => all('NULL')])),
};

/** Names that smell of personal data must be decided on here, not left open by default. */
const PERSONAL = /phone|email|income|baseline|roster|password|token|address|userId|whatsapp|pendamping/i;
const PUBLIC_BY_DESIGN = new Set([
  'Seller.whatsappNumber', // buyers chat with her: the storefront's "Tanya lewat WhatsApp"
  'Seller.whatsappUrl',
  // An order answers only whoever proves it: its code with its phone (or its buyer, its seller, staff);
  // the path here gives code and phone, so every caller sees it (authorization-matrix and fulfilment test the rest).
  'Order.contactPhone',
  'Order.contactEmail',
  'ShippingAddress.phone',
  'OrderBuyer.phone',
  'OrderBuyer.whatsappUrl',
  ...['recipientName', 'phone', 'villageCode', 'village', 'district', 'regency', 'province', 'postalCode', 'street'].map((field) => `ShippingAddress.${field}`),
]);

describe('field-level access on everything public queries reach', () => {
  let t: TestApp;
  const tokens: Partial<Record<Persona, string>> = {};
  const subjects = {} as Record<Subject, { kampung: Kampung; seller: Seller; product: Product }>;
  let paths: Record<string, (s: Subject, selection: string) => string>;

  beforeAll(async () => {
    t = await createTestApp();
    const officer = await signIn(t, { roles: [Role.OFFICER] });
    tokens.officer = officer.token;
    tokens.admin = (await signIn(t, { roles: [Role.ADMIN] })).token;
    tokens.buyer = (await signIn(t)).token;
    const program = await createTrainingProgram(t);
    const motif = await createMotif(t, { story: 'Motif dari Teluk Balikpapan.' });
    const roster: string[] = [];
    for (const [subject, name] of [['A', 'Teritip'], ['B', 'Manggar']] as const) {
      const kampung = await createKampung(t, { name, description: `Kampung KB ${name}` });
      const { seller, login } = await createSellerAccount(t, kampung, `Penjual ${subject}`);
      tokens[`seller${subject}`] = login.token;
      tokens[`pendamping${subject}`] = (await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [kampung] })).token;
      const product = await createProduct(t, seller, { motifId: motif.id, hoursOfWork: 12, madeOn: '2026-05-01', lengthCm: 30, widthCm: 20, heightCm: 3 });
      await createPhoto(t, product, { width: 40, height: 30 });
      await enroll(t, program, seller);
      roster.push(`Penjual ${subject},0${seller.whatsappNumber.slice(3)},${name},1250000`);
      subjects[subject] = { kampung, seller, product };
    }
    const imported = await t.gql(ImportRosterDocument, { trainingProgramId: program.id, csv: `nama,telepon,kampung,penghasilan\n${roster.join('\n')}`, dryRun: false }, { token: officer.token });
    expect(expectResult(imported.data?.importRoster, 'RosterImportReport').newCount).toBe(2);

    // Buying: each subject's paid order; every caller has a cart holding both products (a guest by its id).
    const orders = {} as Record<Subject, { code: string }>;
    for (const subject of ['A', 'B'] as Subject[]) {
      const placed = await placedOrder(t, [{ productId: subjects[subject].product.id, quantity: 1 }]);
      await t.gql(ConfirmTransferDocument, { orderId: placed.id, amount: placed.totalIdr, ref: 'BRI 445566', key: randomUUID() }, { token: tokens.admin });
      orders[subject] = placed;
    }
    let guestCart: string | null = null;
    for (const persona of PERSONAS) {
      for (const subject of ['A', 'B'] as Subject[]) {
        const added: GraphQLResponse<AddToCartMutation> = await t.gql(AddToCartDocument, { cartId: persona === 'anonymous' ? guestCart : null, productId: subjects[subject].product.id, quantity: 1 }, { token: tokens[persona] });
        if (persona === 'anonymous') guestCart = expectResult(added.data!.addToCart, 'Cart').id;
      }
    }
    const order = (s: Subject) => `order(code: "${orders[s].code}", phone: "0812 5555 0101")`;
    const cart = `cart(cartId: "${guestCart}")`;
    const product = (s: Subject) => `product(slug: "${subjects[s].product.slug}")`;
    const seller = (s: Subject) => `seller(slug: "${subjects[s].seller.slug}")`;
    const products = (s: Subject) => `products(filter: { sellerId: "${subjects[s].seller.id}" })`;
    paths = {
      ProductConnection: (s, f) => `{ ${products(s)} { ${f} } }`,
      ProductEdge: (s, f) => `{ ${products(s)} { edges { ${f} } } }`,
      PageInfo: (s, f) => `{ ${products(s)} { pageInfo { ${f} } } }`,
      Product: (s, f) => `{ ${product(s)} { ${f} } }`,
      Motif: (s, f) => `{ ${product(s)} { motif { ${f} } } }`,
      ProductPhoto: (s, f) => `{ ${product(s)} { primaryPhoto { ${f} } } }`,
      Seller: (s, f) => `{ ${seller(s)} { ${f} } }`,
      Kampung: (s, f) => `{ kampung(slug: "${subjects[s].kampung.slug}") { ${f} } }`,
      TrainingProgram: (s, f) => `{ ${seller(s)} { trainings { ${f} } } }`,
      RosterEntry: (s, f) => `{ ${seller(s)} { rosterMatches { ${f} } } }`,
      PendampingSummary: (s, f) => `{ kampung(slug: "${subjects[s].kampung.slug}") { pendamping { ${f} } } }`,
      Cart: (_s, f) => `{ ${cart} { ${f} } }`,
      CartLine: (_s, f) => `{ ${cart} { lines { ${f} } } }`,
      CartSellerGroup: (_s, f) => `{ ${cart} { sellerGroups { ${f} } } }`,
      Area: (_s, f) => `{ searchAreas(text: "karang jati", first: 1) { ${f} } }`,
      ShippingRate: (_s, f) => `{ shippingRates { ${f} } }`,
      Order: (s, f) => `{ ${order(s)} { ${f} } }`,
      OrderPayment: (s, f) => `{ ${order(s)} { payment { ${f} } } }`,
      BankTransferInstructions: (s, f) => `{ ${order(s)} { payment { bankTransfer { ${f} } } } }`,
      ShippingAddress: (s, f) => `{ ${order(s)} { shipTo { ${f} } } }`,
      OrderEvent: (s, f) => `{ ${order(s)} { timeline { ${f} } } }`,
      SellerOrder: (s, f) => `{ ${order(s)} { sellerOrders { ${f} } } }`,
      OrderLine: (s, f) => `{ ${order(s)} { sellerOrders { lines { ${f} } } } }`,
      OrderBuyer: (s, f) => `{ ${order(s)} { sellerOrders { buyer { ${f} } } } }`,
      SellerOrderShipping: (s, f) => `{ ${order(s)} { sellerOrders { shipping { ${f} } } } }`,
      Bank: (_s, f) => `{ payoutBanks { ${f} } }`,
      PublicImpact: (_s, f) => `{ publicImpact { ${f} } }`,
      PublicImpactRow: (_s, f) => `{ publicImpact { total { ${f} } } }`,
    };
  });
  afterAll(() => t.close());

  // Raw documents here (t.rawGql): this test walks the schema's introspection and builds one document per field it finds.
  async function reachableFields(): Promise<Map<string, { name: string; object: boolean }[]>> {
    const { data } = await t.rawGql('{ __schema { types { name kind fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }');
    const types = new Map((data!.__schema.types as IntrospectedType[]).map((type) => [type.name, type]));
    const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);
    const reached = new Map<string, { name: string; object: boolean }[]>();
    const queue = types.get('Query')!.fields!.filter((field) => PUBLIC_ROOTS.includes(field.name)).map((field) => named(field.type).name!);
    while (queue.length) {
      const type = types.get(queue.shift()!)!;
      if (type.kind !== 'OBJECT' || reached.has(type.name)) continue;
      reached.set(type.name, type.fields!.map((field) => ({ name: field.name, object: types.get(named(field.type).name!)!.kind === 'OBJECT' })));
      queue.push(...type.fields!.map((field) => named(field.type).name!));
    }
    return reached;
  }

  it('knows a way to every object type public queries reach, and decides on every personal-looking field', async () => {
    const reached = await reachableFields();
    expect([...reached.keys()].sort()).toEqual(Object.keys(paths).sort());
    const undecided = [...reached].flatMap(([type, fields]) =>
      fields.map((field) => `${type}.${field.name}`).filter((name) => PERSONAL.test(name) && !PUBLIC_BY_DESIGN.has(name) && !RESTRICTED[name] && !RESTRICTED[`${name.split('.')[0]}.*`]),
    );
    expect(undecided).toEqual([]);
  });

  it('answers every field to exactly the callers allowed to see it, for both kampung', async () => {
    const mismatches: string[] = [];
    let asked = 0;
    for (const [type, fields] of await reachableFields()) {
      for (const field of fields) {
        const name = `${type}.${field.name}`;
        const expected = RESTRICTED[name] ?? RESTRICTED[`${type}.*`] ?? (() => all('ALLOW'));
        for (const subject of ['A', 'B'] as Subject[]) {
          const query = paths[type](subject, field.object ? `${field.name} { __typename }` : field.name);
          for (const persona of PERSONAS) {
            const outcome = outcomeOf(await t.rawGql(query, {}, { token: tokens[persona] }), field.name);
            asked++;
            if (outcome !== expected(subject)[persona]) mismatches.push(`${name} of ${subject} as ${persona}: ${outcome}, expected ${expected(subject)[persona]}`);
          }
        }
      }
    }
    expect(asked).toBeGreaterThan(600);
    expect(mismatches).toEqual([]);
  }, 240_000);

  it('scopes roster data the same way through the product listing', async () => {
    const asPendampingA = (s: Subject) => t.gql(FaRosterMatchesOfSellerDocument, { sellerId: subjects[s].seller.id }, { token: tokens.pendampingA });
    const own = await asPendampingA('A');
    expect(own.errors).toBeUndefined();
    expect(own.data!.products.edges[0].node.seller.rosterMatches).toEqual([{ phone: subjects.A.seller.whatsappNumber, baselineMonthlyIncomeIdr: '1250000' }]);
    const other = await asPendampingA('B');
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(other.data)).not.toContain(subjects.B.seller.whatsappNumber);
  });
});

interface TypeRef {
  kind: string;
  name: string | null;
  ofType?: TypeRef | null;
}
interface IntrospectedType {
  name: string;
  kind: string;
  fields: { name: string; type: TypeRef }[] | null;
}

/** What the caller got for the field: thrown codes, a withheld (null) value, or the value. Anything else is a failure. */
function outcomeOf(response: { data: unknown; errors?: { extensions?: { code?: string } }[] }, field: string): Outcome | string {
  const code = response.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return code;
  if (code) return `error ${code}`;
  const values: unknown[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === field) values.push(value);
        else collect(value);
      }
    }
  };
  collect(response.data);
  if (values.length === 0) return 'no value reached';
  return values.every((value) => value === null) ? 'NULL' : values.some((value) => value === null) ? 'PARTLY_NULL' : 'ALLOW';
}
