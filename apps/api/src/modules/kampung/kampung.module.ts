import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KampungEntity } from './entities/kampung.entity.js';
import { KampungRepository } from './kampung.repository.js';
import { KampungResolver } from './kampung.resolver.js';
import { KampungService } from './kampung.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([KampungEntity])],
  providers: [KampungRepository, KampungService, KampungResolver],
  exports: [KampungService],
})
export class KampungModule {}
