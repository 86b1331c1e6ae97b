import { DomainModule } from '../../common/domain-module.js';
import { KampungModule } from '../kampung/kampung.module.js';
import { RosterEntryEntity } from './entities/roster-entry.entity.js';
import { TrainingEnrollmentEntity } from './entities/training-enrollment.entity.js';
import { TrainingProgramEntity } from './entities/training-program.entity.js';
import { RosterRepository } from './roster.repository.js';
import { RosterService } from './roster.service.js';
import { TrainingRepository } from './training.repository.js';
import { SellerTrainingsResolver, TrainingResolver } from './training.resolver.js';
import { TrainingService } from './training.service.js';

@DomainModule({
  entities: [TrainingProgramEntity, TrainingEnrollmentEntity, RosterEntryEntity],
  resolvers: [TrainingResolver, SellerTrainingsResolver],
  imports: [KampungModule],
  providers: [TrainingRepository, RosterRepository, TrainingService, RosterService],
  exports: [TrainingService, RosterService],
})
export class TrainingModule {}
