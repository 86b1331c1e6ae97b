import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { SellerEntity } from '../entities/seller.entity.js';
import { SellerStatus } from './seller-status.enum.js';

@ObjectType('Seller', { description: 'A pengrajin: a trained ibu who sells what she makes' })
export class Seller {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field()
  slug: string;

  @Field()
  story: string;

  @Field()
  whatsappNumber: string;

  @Field({ description: 'wa.me link that opens a WhatsApp chat with her' })
  whatsappUrl: string;

  @Field()
  joinedAt: Date;

  @Field()
  isDemo: boolean;

  @Field(() => SellerStatus, { description: 'Always VERIFIED in the storefront; applicants see their own' })
  status: SellerStatus;

  @Field(() => String, { nullable: true, description: 'Why an application was rejected' })
  rejectionReason: string | null;

  kampungId: string;
  userId: string | null;
  appliedTrainingProgramId: string | null;
}

export function toSellerModel(entity: SellerEntity): Seller {
  return {
    id: entity.id,
    displayName: entity.displayName,
    slug: entity.slug,
    story: entity.story,
    whatsappNumber: entity.whatsappNumber,
    whatsappUrl: `https://wa.me/${entity.whatsappNumber.replace(/\D/g, '')}`,
    joinedAt: entity.joinedAt,
    isDemo: entity.isDemo,
    status: entity.status,
    rejectionReason: entity.rejectionReason,
    kampungId: entity.kampungId,
    userId: entity.userId,
    appliedTrainingProgramId: entity.appliedTrainingProgramId,
  };
}
