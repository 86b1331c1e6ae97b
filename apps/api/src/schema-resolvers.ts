import { AccountsResolver } from './modules/accounts/accounts.resolver.js';
import { NotificationsResolver } from './modules/notifications/notifications.resolver.js';
import { CatalogResolver, KampungProductsResolver, SellerProductsResolver } from './modules/catalog/catalog.resolver.js';
import { KampungResolver, MePendampingResolver } from './modules/kampung/kampung.resolver.js';
import { ProductPhotoResolver, ProductPhotosResolver } from './modules/media/media.resolver.js';
import { KampungSellersResolver, MeSellerResolver, SellerRosterResolver, SellersResolver } from './modules/sellers/sellers.resolver.js';
import { SellerTrainingsResolver, TrainingResolver } from './modules/training/training.resolver.js';

/** Every resolver class, for building the schema without booting the app. */
export const SCHEMA_RESOLVERS = [
  AccountsResolver,
  NotificationsResolver,
  KampungResolver,
  MePendampingResolver,
  TrainingResolver,
  SellerTrainingsResolver,
  SellersResolver,
  KampungSellersResolver,
  MeSellerResolver,
  SellerRosterResolver,
  CatalogResolver,
  SellerProductsResolver,
  KampungProductsResolver,
  ProductPhotoResolver,
  ProductPhotosResolver,
];
