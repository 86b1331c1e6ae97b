/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date (YYYY-MM-DD), no time zone */
  Date: { input: string; output: string; }
  /** A UTC instant, ISO-8601 */
  DateTime: { input: string; output: string; }
  /** Whole Indonesian rupiah as a decimal string (arbitrary precision, never a float) */
  Rupiah: { input: string; output: string; }
};

export enum BatikTechnique {
  Cap = 'CAP',
  Kombinasi = 'KOMBINASI',
  Printing = 'PRINTING',
  Tulis = 'TULIS'
}

export enum DyeType {
  Natural = 'NATURAL',
  Synthetic = 'SYNTHETIC'
}

export type Kampung = {
  __typename?: 'Kampung';
  description: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kecamatan: Scalars['String']['output'];
  kelurahan: Scalars['String']['output'];
  kemendagriCode: Scalars['String']['output'];
  name: Scalars['String']['output'];
  productCount: Scalars['Int']['output'];
  sellerCount: Scalars['Int']['output'];
  sellers: Array<Seller>;
  slug: Scalars['String']['output'];
  status: KampungStatus;
};

export enum KampungStatus {
  Active = 'ACTIVE',
  Target = 'TARGET'
}

export type Motif = {
  __typename?: 'Motif';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  slug: Scalars['String']['output'];
  story: Maybe<Scalars['String']['output']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export enum PhotoSize {
  Card = 'CARD',
  Full = 'FULL',
  Thumb = 'THUMB'
}

export enum PhotoStatus {
  Failed = 'FAILED',
  Processing = 'PROCESSING',
  Ready = 'READY'
}

export type Product = {
  __typename?: 'Product';
  category: ProductCategory;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  dye: Maybe<DyeType>;
  id: Scalars['ID']['output'];
  material: Scalars['String']['output'];
  motif: Maybe<Motif>;
  photos: Array<ProductPhoto>;
  priceIdr: Scalars['Rupiah']['output'];
  primaryPhoto: Maybe<ProductPhoto>;
  seller: Seller;
  size: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  status: ProductStatus;
  stock: Scalars['Int']['output'];
  technique: Maybe<BatikTechnique>;
  title: Scalars['String']['output'];
  weightGrams: Scalars['Int']['output'];
};

export enum ProductCategory {
  Aksesoris = 'AKSESORIS',
  KainBatik = 'KAIN_BATIK',
  Pakaian = 'PAKAIAN',
  Selendang = 'SELENDANG',
  Taplak = 'TAPLAK',
  Tas = 'TAS'
}

export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

export type ProductFilter = {
  category?: InputMaybe<ProductCategory>;
  kampungId?: InputMaybe<Scalars['ID']['input']>;
  maxPriceIdr?: InputMaybe<Scalars['Rupiah']['input']>;
  minPriceIdr?: InputMaybe<Scalars['Rupiah']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  sellerId?: InputMaybe<Scalars['ID']['input']>;
  technique?: InputMaybe<BatikTechnique>;
};

export type ProductPhoto = {
  __typename?: 'ProductPhoto';
  alt: Scalars['String']['output'];
  height: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  position: Scalars['Int']['output'];
  status: PhotoStatus;
  /** Public URL of the WebP variant of this size */
  url: Scalars['String']['output'];
  width: Scalars['Int']['output'];
};


export type ProductPhotoUrlArgs = {
  size?: PhotoSize;
};

export enum ProductSort {
  Newest = 'NEWEST',
  PriceAsc = 'PRICE_ASC',
  PriceDesc = 'PRICE_DESC',
  Relevance = 'RELEVANCE'
}

export enum ProductStatus {
  Active = 'ACTIVE',
  Archived = 'ARCHIVED',
  Draft = 'DRAFT'
}

export type Query = {
  __typename?: 'Query';
  kampung: Maybe<Kampung>;
  kampungs: Array<Kampung>;
  motifs: Array<Motif>;
  product: Maybe<Product>;
  products: ProductConnection;
  seller: Maybe<Seller>;
  trainingPrograms: Array<TrainingProgram>;
};


export type QueryKampungArgs = {
  slug: Scalars['String']['input'];
};


export type QueryProductArgs = {
  slug: Scalars['String']['input'];
};


export type QueryProductsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ProductFilter>;
  first?: Scalars['Int']['input'];
  sort?: ProductSort;
};


export type QuerySellerArgs = {
  slug: Scalars['String']['input'];
};

export type Seller = {
  __typename?: 'Seller';
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  isDemo: Scalars['Boolean']['output'];
  joinedAt: Scalars['DateTime']['output'];
  kampung: Kampung;
  productCount: Scalars['Int']['output'];
  slug: Scalars['String']['output'];
  story: Scalars['String']['output'];
  trainings: Array<TrainingProgram>;
  whatsappNumber: Scalars['String']['output'];
  whatsappUrl: Scalars['String']['output'];
};

export type TrainingProgram = {
  __typename?: 'TrainingProgram';
  budgetIdr: Scalars['Rupiah']['output'];
  days: Scalars['Int']['output'];
  description: Scalars['String']['output'];
  endDate: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  participantCount: Scalars['Int']['output'];
  provider: Scalars['String']['output'];
  skill: TrainingSkill;
  slug: Scalars['String']['output'];
  startDate: Scalars['Date']['output'];
  title: Scalars['String']['output'];
};

export enum TrainingSkill {
  Bag = 'BAG',
  Batik = 'BATIK'
}
