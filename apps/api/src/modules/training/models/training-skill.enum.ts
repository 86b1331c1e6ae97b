import { registerEnumType } from '@nestjs/graphql';

export enum TrainingSkill {
  BATIK = 'BATIK',
  BAG = 'BAG',
}

registerEnumType(TrainingSkill, { name: 'TrainingSkill' });
