import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { MotifEntity } from '../entities/motif.entity.js';

@ObjectType('Motif')
export class Motif {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Where the motif comes from, told for buyers' })
  story: string | null;
}

export function toMotifModel(entity: MotifEntity): Motif {
  return { id: entity.id, slug: entity.slug, name: entity.name, story: entity.story };
}
