import { DomainModule } from '../../common/domain-module.js';
import { ImpactExportEntity } from './entities/impact-export.entity.js';
import { OfflineSaleMonthEntity } from './entities/offline-sale-month.entity.js';
import { OfflineSaleEntity } from './entities/offline-sale.entity.js';
import { SurveyTaskEntity } from './entities/survey-task.entity.js';
import { UppkaGroupEntity } from './entities/uppka-group.entity.js';
import { UppkaMemberEntity } from './entities/uppka-member.entity.js';

@DomainModule({
  entities: [OfflineSaleEntity, OfflineSaleMonthEntity, SurveyTaskEntity, UppkaGroupEntity, UppkaMemberEntity, ImpactExportEntity],
})
export class ImpactModule {}
