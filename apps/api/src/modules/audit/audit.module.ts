import { DomainModule } from '../../common/domain-module.js';
import { AuditService } from './audit.service.js';
import { AuditEntryEntity } from './entities/audit-entry.entity.js';

@DomainModule({
  entities: [AuditEntryEntity],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
