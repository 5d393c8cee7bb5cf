import dayjs, { type ConfigType, type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * The office works on Beijing time whatever the browser's zone is (a laptop set to UTC, a
 * travelling leader): the API stores UTC, and every date on screen is shown in this zone.
 */
export const TIME_ZONE = 'Asia/Shanghai';

/** dayjs's own locale names differ from ours (`zh-cn` vs `zh-CN`). */
export type DayjsLocale = 'zh-cn' | 'en';

export function setDayjsLocale(locale: DayjsLocale): void {
  dayjs.locale(locale);
}

export function inShanghai(value?: ConfigType): Dayjs {
  return dayjs(value).tz(TIME_ZONE);
}

/** Format an instant (ISO string, Date, epoch ms) in Beijing time with a dayjs pattern. */
export function formatInShanghai(value: ConfigType, pattern: string): string {
  return inShanghai(value).format(pattern);
}

export { dayjs };
