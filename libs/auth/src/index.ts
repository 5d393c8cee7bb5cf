export { AuthModule } from './auth.module.js';
export { AuthService, type IssuedTokens } from './auth.service.js';
export { TokenService } from './token.service.js';
export { AuthGuard } from './auth.guard.js';
