import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '@ducha/org';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RefreshTokenEntity]), OrgModule],
  providers: [AuthService, TokenService, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, TokenService],
})
export class AuthModule {}
