import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import { hashPassword } from '../src/modules/accounts/passwords.js';
import { BatikTechnique, DyeType, ProductCategory, ProductStatus } from '../src/modules/catalog/models/catalog.enums.js';
import { toMotifModel, type Motif } from '../src/modules/catalog/models/motif.model.js';
import { toProductModel, type Product } from '../src/modules/catalog/models/product.model.js';
import { KampungStatus } from '../src/modules/kampung/models/kampung-status.enum.js';
import { toKampungModel, type Kampung } from '../src/modules/kampung/models/kampung.model.js';
import { toProductPhotoModel, type ProductPhoto } from '../src/modules/media/models/product-photo.model.js';
import { toSellerModel, type Seller } from '../src/modules/sellers/models/seller.model.js';
import { TrainingSkill } from '../src/modules/training/models/training-skill.enum.js';
import { toTrainingProgramModel, type TrainingProgram } from '../src/modules/training/models/training-program.model.js';
import { SeedRepository } from '../src/seed/seed-repository.js';
import { LoginDocument } from './generated/graphql.js';
import type { TestApp } from './harness/test-app.js';

/** Test data inserted through the DataSource, the way the demo seed writes it (never through the services' rules, never mocked). */
const unique = () => randomBytes(4).toString('hex');
const seedOf = (t: TestApp) => new SeedRepository(t.dataSource, t.storage);

export async function createKampung(t: TestApp, overrides: Partial<Kampung> = {}): Promise<Kampung> {
  const id = unique();
  return toKampungModel(
    await seedOf(t).upsertKampung({
      name: `Kampung ${id}`,
      slug: `kampung-${id}`,
      kelurahan: `Kelurahan ${id}`,
      kecamatan: 'Balikpapan Tengah',
      kemendagriCode: `64.71.99.${id}`,
      status: KampungStatus.ACTIVE,
      description: null,
      ...overrides,
    }),
  );
}

export async function createTrainingProgram(t: TestApp, overrides: Partial<TrainingProgram> = {}): Promise<TrainingProgram> {
  const id = unique();
  return toTrainingProgramModel(
    await seedOf(t).upsertProgram({
      slug: `pelatihan-${id}`,
      title: `Pelatihan ${id}`,
      skill: TrainingSkill.BATIK,
      startDate: '2026-03-10',
      endDate: '2026-03-13',
      days: 4,
      budgetIdr: 32_000_000n,
      provider: 'Rumah Batik Shaho',
      participantCount: 60,
      location: 'Balikpapan',
      description: 'Pelatihan membatik untuk ibu-ibu Kampung KB.',
      ...overrides,
    }),
  );
}

export async function createSeller(t: TestApp, kampung: Kampung, overrides: Partial<Seller> = {}): Promise<Seller> {
  const id = unique();
  return toSellerModel(
    await seedOf(t).upsertSeller({
      displayName: `Ibu ${id}`,
      slug: `ibu-${id}`,
      kampungId: kampung.id,
      story: 'Saya belajar membatik di Kampung KB.',
      whatsappNumber: `+62812${String(parseInt(id, 16)).padStart(8, '0').slice(0, 8)}`,
      joinedAt: new Date('2026-04-01T02:00:00Z'),
      isDemo: true,
      ...overrides,
    }),
  );
}

/** Puts a seller in a cohort (her trainings badge). */
export function enroll(t: TestApp, program: TrainingProgram, seller: Seller, enrolledAt = new Date()): Promise<void> {
  return seedOf(t).enroll(program.id, seller.id, enrolledAt);
}

export async function createMotif(t: TestApp, overrides: Partial<Motif> = {}): Promise<Motif> {
  const id = unique();
  return toMotifModel(await seedOf(t).upsertMotif({ slug: `motif-${id}`, name: `Motif ${id}`, story: null, ...overrides }));
}

export interface ProductOverrides extends Partial<Omit<Product, 'createdAt'>> {
  createdAt?: Date;
}

export async function createProduct(t: TestApp, seller: Seller, overrides: ProductOverrides = {}): Promise<Product> {
  const id = unique();
  const { product } = await seedOf(t).insertProductIfNew({
    sellerId: seller.id,
    slug: `produk-${id}`,
    title: `Kain Batik ${id}`,
    description: 'Kain batik buatan tangan.',
    category: ProductCategory.KAIN_BATIK,
    technique: BatikTechnique.CAP,
    motifId: null,
    material: 'Katun primisima',
    dye: DyeType.SYNTHETIC,
    size: '200 × 115 cm',
    weightGrams: 300,
    priceIdr: 250_000n,
    stock: 5,
    status: ProductStatus.ACTIVE,
    createdAt: new Date(),
    ...overrides,
  });
  return toProductModel(product);
}

/** A real image (PNG, size as asked) stored with its WebP variants, READY, the way the seed stores photos. */
export async function createPhoto(t: TestApp, product: Product, options: { width?: number; height?: number; position?: number; alt?: string } = {}): Promise<ProductPhoto> {
  const width = options.width ?? 2000;
  const height = options.height ?? 1500;
  const original = await sharp({ create: { width, height, channels: 3, background: { r: 120, g: 72, b: 40 } } }).png().toBuffer();
  return toProductPhotoModel(
    await seedOf(t).addPhoto({
      productId: product.id,
      position: options.position ?? 0,
      alt: options.alt ?? `Foto ${product.title}`,
      original,
      originalContentType: 'image/png',
    }),
  );
}

export interface SignedIn {
  userId: string;
  token: string;
  phone: string;
}

let phoneCounter = 0;
/** An account with these roles (pendamping of the given kampung), signed in through the API. */
export async function signIn(t: TestApp, options: { roles?: Role[]; displayName?: string; pendampingOf?: Kampung[] } = {}): Promise<SignedIn> {
  const seed = seedOf(t);
  const phone = `+62813${String(process.pid % 1000).padStart(3, '0')}${String(++phoneCounter).padStart(5, '0')}`;
  const password = 'kata-sandi-uji';
  const userId = await seed.ensureAccount({
    displayName: options.displayName ?? `Akun ${phoneCounter}`,
    phone,
    email: null,
    passwordHash: await hashPassword(password),
    roles: [Role.BUYER, ...(options.roles ?? [])],
  });
  for (const kampung of options.pendampingOf ?? []) await seed.assignPendamping(userId, kampung.id);
  const response = await t.gql(LoginDocument, { identifier: phone, password });
  if (response.data?.login.__typename !== 'AuthSession') throw new Error(`sign-in failed: ${JSON.stringify(response.errors ?? response.data)}`);
  return { userId, token: response.data.login.token, phone };
}

/** A verified seller with her own account. */
export async function createSellerAccount(t: TestApp, kampung: Kampung, displayName = `Ibu ${unique()}`): Promise<{ seller: Seller; login: SignedIn }> {
  const login = await signIn(t, { roles: [Role.SELLER], displayName });
  const seller = await createSeller(t, kampung, { displayName, userId: login.userId } as Partial<Seller>);
  return { seller, login };
}
