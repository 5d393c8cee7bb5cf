import { Injectable } from '@nestjs/common';
import { AppConfig } from '@ducha/config';
import { DomainException } from '@ducha/common';
import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';

export interface AccessClaims {
  userId: string;
  familyId: string;
  issuedAt: Date;
}

const ISSUER = 'ducha';

/** Short-lived signed access tokens (HS256) and opaque refresh tokens stored only as hashes. */
@Injectable()
export class TokenService {
  private key: KeyObject | undefined;

  constructor(private readonly config: AppConfig) {}

  async signAccess(userId: string, familyId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(now.getTime() + this.config.accessTokenTtlSeconds * 1000);
    const token = await new SignJWT({ fam: familyId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.secret());
    return { token, expiresAt };
  }

  async verifyAccess(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret(), { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.fam !== 'string' || typeof payload.iat !== 'number') {
        throw DomainException.unauthenticated('Malformed access token');
      }
      return { userId: payload.sub, familyId: payload.fam, issuedAt: new Date(payload.iat * 1000) };
    } catch (error) {
      if (error instanceof DomainException) throw error;
      if (error instanceof errors.JWTExpired) throw DomainException.unauthenticated('Access token expired');
      throw DomainException.unauthenticated('Invalid access token');
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hashRefresh(token) };
  }

  hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  /** A key object made once: given raw bytes, jose would import the key again on every verification. */
  private secret(): KeyObject {
    this.key ??= createSecretKey(Buffer.from(this.config.jwtSecret, 'utf8'));
    return this.key;
  }
}
