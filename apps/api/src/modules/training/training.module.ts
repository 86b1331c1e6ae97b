import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TrainingEnrollmentEntity } from './entities/training-enrollment.entity.js';
import { TrainingProgramEntity } from './entities/training-program.entity.js';
import { TrainingRepository } from './training.repository.js';
import { SellerTrainingsResolver, TrainingResolver } from './training.resolver.js';
import { TrainingService } from './training.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([TrainingProgramEntity, TrainingEnrollmentEntity])],
  providers: [TrainingRepository, TrainingService, TrainingResolver, SellerTrainingsResolver],
  exports: [TrainingService],
})
export class TrainingModule {}
