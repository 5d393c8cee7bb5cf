import { describe, expect, it } from '@jest/globals';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorCode } from '@ducha/contracts';
import { GraphQLRequestError } from './GraphQLRequestError';
import { ERROR_CODE_MESSAGES, errorMessage, formatWait } from './errorMessage';

function apiError(code: ErrorCode, extensions: Record<string, unknown> = {}) {
  return new GraphQLRequestError([{ message: 'server text', extensions: { code, ...extensions } }], 200);
}

describe('errorMessage', () => {
  it('should have Chinese text for every error code and never show the server message', () => {
    for (const code of Object.values(ErrorCode)) {
      const text = errorMessage(apiError(code));
      expect(text).not.toContain('server text');
      expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(ERROR_CODE_MESSAGES).sort()).toEqual(Object.values(ErrorCode).sort());
  });

  it('should read the code from Apollo errors too', () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'x', extensions: { code: ErrorCode.CONFLICT } }],
    });
    expect(errorMessage(error)).toContain('已被他人修改');
  });

  it('should include the wait of a rate limit', () => {
    expect(errorMessage(apiError(ErrorCode.TOO_MANY_REQUESTS, { retryAfterSeconds: 125 }))).toContain('2 分 05 秒');
  });

  it('should list the reasons of BAD_USER_INPUT issues', () => {
    const error = apiError(ErrorCode.BAD_USER_INPUT, { issues: [{ field: 'name', reason: '不能为空' }] });
    expect(errorMessage(error)).toContain('不能为空');
  });

  it('should apply screen-specific wording', () => {
    expect(errorMessage(apiError(ErrorCode.UNAUTHENTICATED), { overrides: { UNAUTHENTICATED: 'signIn.error.wrongCredentials' } })).toBe(
      '用户名或密码错误，请重新输入。',
    );
  });

  it('should call a failed fetch a network error and anything else unknown', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toContain('网络');
    expect(errorMessage(new Error('boom'))).toBe('操作失败，请稍后重试。');
  });

  it('should answer in English when asked', () => {
    expect(errorMessage(apiError(ErrorCode.FORBIDDEN), { locale: 'en' })).toBe('You are not allowed to do this.');
  });
});

describe('formatWait', () => {
  it('should format minutes and seconds in Chinese', () => {
    expect(formatWait(59)).toBe('59 秒');
    expect(formatWait(600)).toBe('10 分 00 秒');
  });
});
