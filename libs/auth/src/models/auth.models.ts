import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { Me } from '@ducha/org';

@InputType()
export class LoginInput {
  @Field() @IsString() @Length(1, 60) username: string;
  @Field() @IsString() @Length(1, 128) password: string;
}

@InputType()
export class RefreshTokenInput {
  @Field() @IsString() @Length(20, 200) refreshToken: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() @IsString() @MaxLength(128) currentPassword: string;
  @Field() @IsString() @Length(8, 128) newPassword: string;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Short-lived; send as "Authorization: Bearer <token>"' })
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field({ description: 'Single use: each refresh returns a new one' })
  refreshToken: string;

  @Field(() => Me)
  user: Me;
}
