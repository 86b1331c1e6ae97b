import { Field, ObjectType } from '@nestjs/graphql';
import type { AdministrativeAreaEntity } from '../entities/administrative-area.entity.js';
import { AreaLevel } from './area-level.enum.js';

@ObjectType('Area', { description: 'An administrative area of Indonesia: province, kabupaten/kota, kecamatan or kelurahan/desa' })
export class Area {
  @Field({ description: 'Kemendagri code, e.g. 64.71.04.1004' })
  code: string;

  @Field()
  name: string;

  @Field(() => AreaLevel)
  level: AreaLevel;

  @Field(() => String, { nullable: true })
  parentCode: string | null;
}

export const toAreaModel = (entity: AdministrativeAreaEntity): Area => ({ code: entity.code, name: entity.name, level: entity.level, parentCode: entity.parentCode });

/** A kelurahan/desa with the names of the areas it lies in, as an address needs them. */
export interface ResolvedVillage {
  villageCode: string;
  village: string;
  district: string;
  regency: string;
  province: string;
}
