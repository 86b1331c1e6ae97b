import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { KampungEntity } from './entities/kampung.entity.js';
import { PendampingAssignmentEntity } from './entities/pendamping-assignment.entity.js';
import { PendampingRepository } from './pendamping.repository.js';
import { KampungRepository } from './kampung.repository.js';
import { KampungResolver, MePendampingResolver } from './kampung.resolver.js';
import { KampungService } from './kampung.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([KampungEntity, PendampingAssignmentEntity]), AccountsModule],
  providers: [KampungRepository, PendampingRepository, KampungService, KampungResolver, MePendampingResolver],
  exports: [KampungService],
})
export class KampungModule {}
