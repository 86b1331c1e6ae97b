import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PhotoUpload', { description: 'Where the browser PUTs the photo bytes, straight to storage; then attachProductPhoto(key)' })
export class PhotoUpload {
  @Field({ description: 'Presigned PUT URL; send the bytes with the same Content-Type' })
  uploadUrl: string;

  @Field()
  key: string;

  @Field()
  expiresAt: Date;
}
