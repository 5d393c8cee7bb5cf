import { describe, expect, it } from '@jest/globals';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorCode } from '@ducha/contracts';
import { GraphQLRequestError } from './GraphQLRequestError';
import { translate } from '../../i18n/locales';
import { ERROR_CODE_MESSAGES, errorMessage, formatWait, ruleMessage } from './errorMessage';
import { POLICY_RULES } from './policyRules';

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

  it('should say the server’s known English reasons in Chinese, and keep them English in English', () => {
    const error = apiError(ErrorCode.BAD_USER_INPUT, { issues: [{ field: 'code', reason: 'is required' }] });
    expect(errorMessage(error)).toContain('必填，不能为空');
    expect(errorMessage(error)).not.toContain('is required');
    expect(errorMessage(error, { locale: 'en' })).toContain('is required');
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

  it('should name the access rule that refused a request, and every rule has a sentence', () => {
    expect(errorMessage(apiError(ErrorCode.FORBIDDEN, { rule: 'RECUSAL_CASE_OFFICER' }))).toBe(
      '不能执行此操作：评查人员是该案卷的承办执法人员，应当回避。',
    );
    expect(errorMessage(apiError(ErrorCode.FORBIDDEN, { rule: 'SOMETHING_NEW' }))).toBe('您无权执行此操作。');
    for (const rule of POLICY_RULES) expect(translate('zh-CN', ruleMessage(rule)!)).toMatch(/[\u4e00-\u9fff]/);
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
