import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { inShanghai } from '../time/dayjs';

const CALENDAR_DAYS: TypedDocumentNode<
  { calendarYears: { year: number; holidays: string[]; makeUpWorkdays: string[] }[] },
  Record<string, never>
> = gql`
  query WorkingDayCalendar {
    calendarYears {
      year
      holidays
      makeUpWorkdays
    }
  }
`;

const DAY = 86_400_000;
const toUtc = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Working-day countdowns from the official calendar (the same years the server uses). Signed:
 * positive = working days left until `deadline` (the deadline day counts), negative = working
 * days overdue. Weekends are days off unless listed as make-up working days.
 */
export function useWorkingDays() {
  const { data } = useQuery(CALENDAR_DAYS, { fetchPolicy: 'cache-first' });
  return useMemo(() => {
    const holidays = new Set(data?.calendarYears.flatMap((y) => y.holidays) ?? []);
    const makeUp = new Set(data?.calendarYears.flatMap((y) => y.makeUpWorkdays) ?? []);
    const isWorkingDay = (date: string): boolean => {
      if (makeUp.has(date)) return true;
      if (holidays.has(date)) return false;
      const weekday = new Date(toUtc(date)).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    };
    const countdown = (deadline: string, today = inShanghai().format('YYYY-MM-DD')): number => {
      if (deadline >= today) {
        let n = 0;
        for (let d = toUtc(today); d <= toUtc(deadline); d += DAY) if (isWorkingDay(fromUtc(d))) n++;
        return n;
      }
      let n = 0;
      for (let d = toUtc(deadline) + DAY; d <= toUtc(today); d += DAY) if (isWorkingDay(fromUtc(d))) n++;
      return -n;
    };
    return { ready: !!data, isWorkingDay, countdown };
  }, [data]);
}
