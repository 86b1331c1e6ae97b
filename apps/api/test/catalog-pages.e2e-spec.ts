import { ProductStatus } from '../src/modules/catalog/models/catalog.enums.js';
import { KampungStatus } from '../src/modules/kampung/models/kampung-status.enum.js';
import { TrainingSkill } from '../src/modules/training/models/training-skill.enum.js';
import { createKampung, createMotif, createProduct, createSeller, createTrainingProgram, enroll } from './factories.js';
import { CatalogKampungsDocument, CatalogMotifsDocument, CatalogProductPageDocument, CatalogSellerPageDocument, CatalogTrainingProgramsDocument, CatalogUnknownSlugsDocument } from './generated/graphql.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

describe('product, seller, kampung and training pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const teritip = await createKampung(t, { name: 'Teritip', slug: 'teritip', kelurahan: 'Teritip', kecamatan: 'Balikpapan Timur', kemendagriCode: '64.71.01.1003' });
    await createKampung(t, { name: 'Karang Joang', slug: 'karang-joang', kemendagriCode: '64.71.03.1003', status: KampungStatus.TARGET });
    const batik = await createTrainingProgram(t, { slug: 'pelatihan-membatik', title: 'Pelatihan Membatik', startDate: '2026-03-10' });
    const bags = await createTrainingProgram(t, { slug: 'pelatihan-tas', title: 'Pelatihan Tas Ramah Lingkungan', skill: TrainingSkill.BAG, startDate: '2025-08-05', endDate: '2025-08-07', days: 3, budgetIdr: 18_500_000n });
    const siti = await createSeller(t, teritip, { displayName: 'Siti Aminah', slug: 'siti-aminah', whatsappNumber: '+6281200000001' });
    await createSeller(t, teritip, { displayName: 'Dewi', slug: 'dewi' });
    await enroll(t, batik, siti, new Date('2026-03-10T00:00:00Z'));
    await enroll(t, bags, siti, new Date('2025-08-05T00:00:00Z'));
    const motif = await createMotif(t, { name: 'Akar Bakau', slug: 'akar-bakau', story: 'Hutan mangrove Margomulyo.' });
    await createProduct(t, siti, { slug: 'kain-akar-bakau', title: 'Kain Akar Bakau', motifId: motif.id, priceIdr: 9_007_199_254_740_993n });
    await createProduct(t, siti, { slug: 'draft', status: ProductStatus.DRAFT });
  });

  afterAll(() => t.close());

  it('shows a product with its maker, her kampung, cohorts and motif story; money as exact strings', async () => {
    const { data, errors } = await t.gql(CatalogProductPageDocument, { slug: 'kain-akar-bakau' });
    expect(errors).toBeUndefined();
    expect(data!.product).toEqual({
      title: 'Kain Akar Bakau',
      priceIdr: '9007199254740993',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      motif: { name: 'Akar Bakau', story: 'Hutan mangrove Margomulyo.' },
      seller: {
        displayName: 'Siti Aminah',
        whatsappUrl: 'https://wa.me/6281200000001',
        whatsappNumber: '+6281200000001',
        isDemo: true,
        productCount: 1,
        trainings: [
          { title: 'Pelatihan Tas Ramah Lingkungan', skill: 'BAG', budgetIdr: '18500000' },
          { title: 'Pelatihan Membatik', skill: 'BATIK', budgetIdr: '32000000' },
        ],
        kampung: { name: 'Teritip', kecamatan: 'Balikpapan Timur', kemendagriCode: '64.71.01.1003', status: 'ACTIVE' },
      },
    });
  });

  it('answers null for an unknown slug or a product that is not on sale', async () => {
    const { data, errors } = await t.gql(CatalogUnknownSlugsDocument);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ product: null, draft: null, seller: null, kampung: null });
  });

  it('shows a seller page', async () => {
    const { data } = await t.gql(CatalogSellerPageDocument, { slug: 'siti-aminah' });
    expect(data!.seller).toEqual({ displayName: 'Siti Aminah', story: expect.any(String), joinedAt: '2026-04-01T02:00:00.000Z', kampung: { slug: 'teritip' } });
  });

  it('lists kampung KB with their seller and product counts, active first', async () => {
    const { data } = await t.gql(CatalogKampungsDocument, { slug: 'teritip' });
    expect(data!.kampungs).toEqual([
      { slug: 'teritip', status: 'ACTIVE', sellerCount: 2, productCount: 1 },
      { slug: 'karang-joang', status: 'TARGET', sellerCount: 0, productCount: 0 },
    ]);
    expect(data!.kampung!.sellers.map((seller) => seller.slug)).toEqual(['dewi', 'siti-aminah']);
  });

  it('lists training programs newest first with budget and participants', async () => {
    const { data } = await t.gql(CatalogTrainingProgramsDocument);
    expect(data!.trainingPrograms[0]).toEqual({ slug: 'pelatihan-membatik', days: 4, participantCount: 60, budgetIdr: '32000000', provider: 'Rumah Batik Shaho', startDate: '2026-03-10', endDate: '2026-03-13' });
    expect(data!.trainingPrograms[1].slug).toBe('pelatihan-tas');
  });

  it('lists motifs', async () => {
    const { data } = await t.gql(CatalogMotifsDocument);
    expect(data!.motifs).toEqual([{ slug: 'akar-bakau', name: 'Akar Bakau', story: 'Hutan mangrove Margomulyo.' }]);
  });
});
