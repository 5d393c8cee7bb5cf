import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Public, type Actor } from '@ducha/common';
import { Me, OrgService, toUnitModel, UserService } from '@ducha/org';
import { DomainException } from '@ducha/common';
import { AuthService, type IssuedTokens } from './auth.service.js';
import { AuthPayload, ChangePasswordInput, LoginInput, RefreshTokenInput } from './models/auth.models.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
    private readonly org: OrgService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload)
  async login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    return this.payload(await this.auth.login(input.username, input.password));
  }

  @Public()
  @Mutation(() => AuthPayload)
  async refreshToken(@Args('input') input: RefreshTokenInput): Promise<AuthPayload> {
    return this.payload(await this.auth.refresh(input.refreshToken));
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the sign-in the refresh token belongs to' })
  async logout(@Args('input') input: RefreshTokenInput): Promise<boolean> {
    return this.auth.logout(input.refreshToken);
  }

  @Mutation(() => Boolean)
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    return this.auth.changePassword(actor, input.currentPassword, input.newPassword);
  }

  @Query(() => Me)
  async me(@CurrentActor() actor: Actor): Promise<Me> {
    return this.meOf(actor.userId);
  }

  private async payload(tokens: IssuedTokens): Promise<AuthPayload> {
    return {
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      refreshToken: tokens.refreshToken,
      user: await this.meOf(tokens.userId),
    };
  }

  private async meOf(userId: string): Promise<Me> {
    const user = await this.users.findById(userId);
    if (!user) throw DomainException.unauthenticated();
    const [unit] = await this.org.unitsByIds([user.unitId]);
    return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, unit: toUnitModel(unit) };
  }
}
