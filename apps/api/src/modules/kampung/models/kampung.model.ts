import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { KampungEntity } from '../entities/kampung.entity.js';
import { KampungStatus } from './kampung-status.enum.js';

@ObjectType('Kampung', { description: 'A Kampung KB (family-planning village) of Balikpapan' })
export class Kampung {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  slug: string;

  @Field()
  kelurahan: string;

  @Field()
  kecamatan: string;

  @Field()
  kemendagriCode: string;

  @Field(() => KampungStatus)
  status: KampungStatus;

  @Field(() => String, { nullable: true })
  description: string | null;
}

export function toKampungModel(entity: KampungEntity): Kampung {
  return {
    id: entity.id,
    name: entity.name,
    slug: entity.slug,
    kelurahan: entity.kelurahan,
    kecamatan: entity.kecamatan,
    kemendagriCode: entity.kemendagriCode,
    status: entity.status,
    description: entity.description,
  };
}
