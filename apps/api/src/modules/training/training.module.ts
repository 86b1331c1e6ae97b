import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TrainingEnrollmentEntity } from './entities/training-enrollment.entity.js';
import { TrainingProgramEntity } from './entities/training-program.entity.js';
import { RosterEntryEntity } from './entities/roster-entry.entity.js';
import { RosterService } from './roster.service.js';
import { KampungModule } from '../kampung/kampung.module.js';
import { TrainingRepository } from './training.repository.js';
import { SellerTrainingsResolver, TrainingResolver } from './training.resolver.js';
import { TrainingService } from './training.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([TrainingProgramEntity, TrainingEnrollmentEntity, RosterEntryEntity]), KampungModule],
  providers: [TrainingRepository, TrainingService, RosterService, TrainingResolver, SellerTrainingsResolver],
  exports: [TrainingService, RosterService],
})
export class TrainingModule {}
