#!/usr/bin/env node
// Regenerates libs/calendar/src/data/official-calendar.json from the `chinese-days` package.
//
//   node libs/calendar/scripts/generate-calendar-data.mjs            # 2020–2026, writes the file
//   node libs/calendar/scripts/generate-calendar-data.mjs 2020 2027  # refuses: the package has no 2027
//   node libs/calendar/scripts/generate-calendar-data.mjs --check    # exits 1 if the file is stale
//
// The package answers "plain weekdays" for a year it has no data for, so a year is taken only when
// the package lists at least one public holiday in it; anything else is a hard error, never a
// year of Monday–Friday.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

// The package mixes UTC and local time: west of UTC its API answers for the wrong day (Saturday
// 2020-01-04 comes back as a working day). Its JSON is fine; its API is trusted only in China's zone.
process.env.TZ = 'Asia/Shanghai';
const require = createRequire(import.meta.url);
const chineseDays = require('chinese-days');
const { version } = require('chinese-days/package.json');
const raw = require('chinese-days/dist/chinese-days.json');

const OUTPUT = new URL('../src/data/official-calendar.json', import.meta.url);
const DEFAULT_FROM = 2020;
const DEFAULT_TO = 2026;

// The package labels days "English,中文,n"; we keep the names the State Council notices use.
const OFFICIAL_NAMES = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-autumn Festival': '中秋节',
  'National Day': '国庆节',
};

// Weekend days of a holiday period ("……放假，与周末连休") that the package leaves out. They do not change
// which days are worked, only which days carry the holiday's name. Source: 国办发明电〔2023〕7号 (2024).
const MISSING_PERIOD_DAYS = {
  '2023-12-30': '元旦',
  '2023-12-31': '元旦',
  '2024-06-08': '端午节',
  '2024-06-09': '端午节',
};

function officialName(label) {
  const [english, chinese] = label.split(',');
  return OFFICIAL_NAMES[english] ?? chinese ?? english;
}

function isWeekend(iso) {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

function datesOfYear(year) {
  const dates = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

function buildYear(year) {
  const inYear = (map) => Object.keys(map).filter((date) => date.startsWith(`${year}-`));
  const packageHolidays = inYear(raw.holidays);
  if (packageHolidays.length === 0) {
    throw new Error(`chinese-days@${version} has no official data for ${year}; refusing to emit plain weekdays`);
  }
  const names = {};
  for (const date of packageHolidays) names[date] = officialName(raw.holidays[date]);
  for (const [date, name] of Object.entries(MISSING_PERIOD_DAYS)) {
    if (date.startsWith(`${year}-`) && !(date in names)) names[date] = name;
  }
  const holidays = Object.keys(names).sort();
  const makeUpWorkdays = inYear(raw.workdays).sort();
  for (const date of makeUpWorkdays) {
    if (!isWeekend(date)) throw new Error(`${date} is a make-up working day but not a weekend day`);
    if (date in names) throw new Error(`${date} is both a holiday and a make-up working day`);
    names[date] = officialName(raw.workdays[date]);
  }

  // Our rule must answer exactly what the package's own API answers, day by day.
  const off = new Set(holidays);
  const on = new Set(makeUpWorkdays);
  for (const date of datesOfYear(year)) {
    const ours = on.has(date) || (!isWeekend(date) && !off.has(date));
    if (ours !== chineseDays.isWorkday(date)) {
      throw new Error(`${date}: derived working=${ours} but chinese-days says ${!ours}`);
    }
  }

  const sortedNames = Object.fromEntries(Object.entries(names).sort(([a], [b]) => a.localeCompare(b)));
  return { year, holidays, makeUpWorkdays, names: sortedNames };
}

function main(argv) {
  const check = argv.includes('--check');
  const [from = DEFAULT_FROM, to = DEFAULT_TO] = argv.filter((a) => !a.startsWith('--')).map(Number);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new Error('usage: [from] [to] [--check]');

  const years = [];
  for (let year = from; year <= to; year += 1) years.push(buildYear(year));
  const text = `${JSON.stringify({ source: `chinese-days@${version}`, years }, null, 2)}\n`;

  if (check) {
    const current = readFileSync(OUTPUT, 'utf8');
    if (current !== text) {
      console.error(`${OUTPUT.pathname} is stale; rerun without --check`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(OUTPUT, text);
  for (const y of years) {
    console.log(`${y.year}: ${y.holidays.length} holiday dates, make-up working days ${y.makeUpWorkdays.join(' ')}`);
  }
}

main(process.argv.slice(2));
