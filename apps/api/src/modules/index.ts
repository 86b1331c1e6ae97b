import { entitiesOf, resolversOf } from '../common/domain-module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { ImpactModule } from './impact/impact.module.js';
import { KampungModule } from './kampung/kampung.module.js';
import { MediaModule } from './media/media.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { SellersModule } from './sellers/sellers.module.js';
import { TrainingModule } from './training/training.module.js';

/**
 * The domain, one module per area: the only list. A module names its entities and resolvers
 * (@DomainModule), so the TypeORM entities and the GraphQL schema follow from this one.
 */
export const DOMAIN_MODULES = [AccountsModule, NotificationsModule, AuditModule, KampungModule, TrainingModule, SellersModule, CatalogModule, MediaModule, ImpactModule];

/** Every table of the app (the modules' and what they import, such as the rate limits'), for TypeORM. */
export const ENTITIES = entitiesOf(DOMAIN_MODULES);

/** Every resolver class, for building the schema without booting the app. */
export const RESOLVERS = resolversOf(DOMAIN_MODULES);
