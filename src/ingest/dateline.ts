import { monthNumber } from '../document/date-range.js';

/** A calendar date, optionally with a time of day and the zone the source stated. */
interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  time?: { hour: number; minute: number; second: number };
  /** Only a zone the source states outright (`Z` or an offset); named zones like BST are not converted. */
  zone?: string;
}

const MONTH =
  /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
const WEEKDAY =
  /^(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$/;
const DAY = /^(\d{1,2})(?:st|nd|rd|th)?$/;
const YEAR = /^(\d{4})$/;
// Seconds may carry a fraction, dropped: Reuters-21578 writes `15:01:01.79`.
const TIME = /^(\d{1,2})(?:[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?)?(am|pm)?$/;
/** Day, month name and year joined by hyphens or slashes: Reuters' `26-feb-1987`, `3/jun/2025`. */
const JOINED = /^(\d{1,2})[-/]([a-z]+)\.?[-/](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?$/;
const OFFSET = /^([+-]\d{2}):?(\d{2})$/;
const UTC_ZONES = new Set(['z', 'gmt', 'utc']);
// Named zones are recognised as part of a dateline but not converted: BST's offset depends on the date.
const NAMED_ZONE =
  /^(?:bst|cet|cest|eet|eest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ct|ist|aest|aedt|jst|msk)$/;
/** Words datelines wrap around dates; `updated` and `modified` also start the second date on the line. */
const FILLER = new Set(['published', 'posted', 'first', 'last', 'on', 'at', 'updated', 'modified']);
const NEXT_DATE = new Set(['updated', 'modified']);

type Token =
  | { kind: 'filler'; startsNextDate: boolean }
  | { kind: 'weekday' }
  | { kind: 'zone'; zone: string | undefined }
  | { kind: 'meridiem'; pm: boolean }
  | { kind: 'month'; month: number }
  | { kind: 'day'; day: number }
  | { kind: 'year'; year: number }
  | { kind: 'time'; hour: number; minute: number; second: number; meridiem?: 'am' | 'pm' }
  | { kind: 'iso'; parts: DateParts };

function classify(raw: string): Token | null {
  // "p.m." and "p.m" are one token, as are trailing dots and colons ("UPDATED:", "Jun.").
  const token = raw.replace(/^([ap])\.m\.?$/, '$1m').replace(/[.:]+$/, '');
  if (FILLER.has(token)) return { kind: 'filler', startsNextDate: NEXT_DATE.has(token) };
  if (WEEKDAY.test(token)) return { kind: 'weekday' };
  if (token === 'am' || token === 'pm') return { kind: 'meridiem', pm: token === 'pm' };
  if (UTC_ZONES.has(token)) return { kind: 'zone', zone: 'Z' };
  if (NAMED_ZONE.test(token)) return { kind: 'zone', zone: undefined };
  const offset = OFFSET.exec(token);
  if (offset) return { kind: 'zone', zone: `${offset[1]}:${offset[2]}` };
  if (MONTH.test(token)) return { kind: 'month', month: monthNumber(token) };
  const year = YEAR.exec(token);
  if (year) return { kind: 'year', year: Number(year[1]) };
  const day = DAY.exec(token);
  if (day) return { kind: 'day', day: Number(day[1]) };
  // A bare number was taken as a day above, so this is `14:12`, `14.12.05`, `2:30pm` or `2pm`.
  const time = TIME.exec(token);
  if (time) {
    return {
      kind: 'time',
      hour: Number(time[1]),
      minute: Number(time[2] ?? 0),
      second: Number(time[3] ?? 0),
      meridiem: time[4] as 'am' | 'pm' | undefined,
    };
  }
  const iso = ISO.exec(token);
  if (iso) return { kind: 'iso', parts: isoParts(iso) };
  const joined = JOINED.exec(token);
  if (joined && MONTH.test(joined[2]!)) {
    const month = monthNumber(joined[2]!);
    return { kind: 'iso', parts: { year: Number(joined[3]), month, day: Number(joined[1]) } };
  }
  return null;
}

function isoParts(match: RegExpExecArray): DateParts {
  const [, year, month, day, hour, minute, second, zone] = match;
  const parts: DateParts = { year: Number(year), month: Number(month), day: Number(day) };
  if (hour !== undefined && minute !== undefined) {
    parts.time = { hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) };
  }
  if (zone !== undefined) parts.zone = zone === 'z' ? 'Z' : zone.replace(OFFSET, '$1:$2');
  return parts;
}

function to24Hour(hour: number, pm: boolean): number {
  return (hour % 12) + (pm ? 12 : 0);
}

/** The date parts a token adds, or null when that part is already set (so the token starts the next date). */
function merge(parts: DateParts, token: Token): DateParts | null {
  switch (token.kind) {
    case 'month':
      return parts.month === undefined ? { ...parts, month: token.month } : null;
    case 'day':
      return parts.day === undefined ? { ...parts, day: token.day } : null;
    case 'year':
      return parts.year === undefined ? { ...parts, year: token.year } : null;
    case 'time': {
      if (parts.time !== undefined) return null;
      const hour = token.meridiem ? to24Hour(token.hour, token.meridiem === 'pm') : token.hour;
      return { ...parts, time: { hour, minute: token.minute, second: token.second } };
    }
    case 'meridiem':
      return parts.time
        ? { ...parts, time: { ...parts.time, hour: to24Hour(parts.time.hour, token.pm) } }
        : parts;
    case 'zone':
      return token.zone === undefined || parts.zone !== undefined ? parts : { ...parts, zone: token.zone };
    case 'iso':
      return parts.year === undefined && parts.month === undefined && parts.day === undefined
        ? token.parts
        : null;
    default:
      return parts;
  }
}

const pad = (value: number) => String(value).padStart(2, '0');

function format(parts: DateParts): string | null {
  const { year, month, day, time } = parts;
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 June over to 1 July; a real date survives the round trip.
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) return null;
  const calendarDate = `${year}-${pad(month)}-${pad(day)}`;
  if (time === undefined) return calendarDate;
  if (time.hour > 23 || time.minute > 59 || time.second > 59) return null;
  return `${calendarDate}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${parts.zone ?? ''}`;
}

/**
 * Parses a line that is only a date, the way news sites print them
 * (`14:12, Tue, Jun 3, 2025 | UPDATED: 14:30, Tue, Jun 3, 2025`, `Published 3 June 2025`, `2025-06-03`).
 * Returns the first date on the line as ISO 8601 (a time only when the line gives one, a zone only when
 * it states one outright), or null when the line holds anything that is not part of a date.
 */
export function parseDateline(line: string): string | null {
  const rawTokens = line
    .toLowerCase()
    .split(/[\s,|•·–—]+/)
    .filter((token) => token !== '' && token !== '-');
  const tokens: Token[] = [];
  for (const raw of rawTokens) {
    const token = classify(raw);
    if (token === null) return null;
    tokens.push(token);
  }
  let parts: DateParts = {};
  for (const token of tokens) {
    const merged = token.kind === 'filler' && token.startsNextDate ? null : merge(parts, token);
    if (merged !== null) {
      parts = merged;
      continue;
    }
    const date = format(parts);
    if (date !== null) return date;
    parts = merge({}, token) ?? {};
  }
  return format(parts);
}

/** Turns a date from metadata (a YAML date, or text in any form `parseDateline` reads) into ISO 8601. */
export function normaliseDate(value: string | Date): string | null {
  if (typeof value === 'string') return parseDateline(value);
  if (Number.isNaN(value.getTime())) return null;
  const iso = value.toISOString();
  // YAML reads a bare `2025-06-03` as midnight UTC: that is a date, not a time.
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.replace('.000Z', 'Z');
}
