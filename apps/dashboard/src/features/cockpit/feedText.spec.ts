import { describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '@ducha/contracts';
import { translate, type Locale, type MessageKey, type MessageParams } from '../../i18n/locales';
import { feedText, inFeed } from './feedText';

const event = (type: string, payload: Record<string, unknown>) =>
  ({ seq: 1, at: '2026-12-05T02:00:00Z', type, payload }) as unknown as DomainEvent;
const t = (locale: Locale) => (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
const submitted = event('rectification.submitted', { departmentName: '区市场监督管理局', taskNo: 'ZG-2026-0001' });
const checked = event('compliance.checked', { departmentName: '区城市管理综合行政执法局', roundId: 'r' });

describe('feedText', () => {
  it('should read a rectification event in Chinese, naming the department and the notice', () => {
    expect(feedText(submitted, t('zh-CN'))).toBe('区市场监督管理局 提交了整改报告（ZG-2026-0001）');
    expect(feedText(checked, t('zh-CN'))).toBe('区城市管理综合行政执法局：完成一个部门的三项制度检查');
  });

  it('should read the same events in English, keeping the department names as they are', () => {
    expect(feedText(submitted, t('en'))).toBe('区市场监督管理局 submitted a rectification report (ZG-2026-0001)');
    expect(feedText(checked, t('en'))).toBe('区城市管理综合行政执法局: A department’s three-systems check was completed');
  });

  it('should leave out events that have no line', () => {
    expect(inFeed(event('org.unit_changed', {}))).toBe(false);
    expect(feedText(event('org.unit_changed', {}), t('en'))).toBeNull();
    expect(inFeed(submitted)).toBe(true);
  });
});
