export { isIsoDate, type IsoDate } from './calendar-date.js';
export { DayKind, type CalendarDay, type CalendarYearData } from './calendar-year-data.js';
export {
  CalendarDataError,
  CalendarError,
  CalendarErrorCode,
  CalendarYearUnknownError,
  InvalidCalendarDateError,
} from './calendar.errors.js';
export { createOfficialCalendar, loadOfficialCalendar, OFFICIAL_CALENDAR_SOURCE } from './official-calendar.js';
export { CalendarDataIssueCode, validateCalendarData, validateYearData, type CalendarDataIssue } from './validate-year-data.js';
export { WorkingDayCalendar } from './working-day-calendar.js';
export { CalendarModule } from './calendar.module.js';
export { CalendarService } from './calendar.service.js';
export { CalendarYearEntity } from './calendar-year.entity.js';
