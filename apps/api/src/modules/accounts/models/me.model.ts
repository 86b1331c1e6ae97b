import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { UserEntity } from '../entities/user.entity.js';
import { Role } from './role.enum.js';

@ObjectType('Me', { description: 'The signed-in account' })
export class Me {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => [Role])
  roles: Role[];

  @Field()
  createdAt: Date;
}

@ObjectType('AuthSession', { description: 'A new session: send the token as `Authorization: Bearer <token>`' })
export class AuthSession {
  @Field()
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => Me)
  me: Me;
}

export const toMeModel = (user: UserEntity): Me => ({
  id: user.id,
  displayName: user.displayName,
  phone: user.phone,
  email: user.email,
  roles: user.roles,
  createdAt: user.createdAt,
});
