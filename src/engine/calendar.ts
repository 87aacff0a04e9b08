/**
 * Excel's 1900 date system. A date is a serial number; its integer part counts days and its
 * fraction is the time of day. From serial 61 (1900-03-01) on, serial n is n days after
 * 1899-12-30; the engine accepts no earlier date, so Excel's phantom 1900-02-29 never matters.
 */
import { Dec, type Decimal } from './decimal';

export const FIRST_SERIAL = 61; // 1900-03-01
export const LAST_SERIAL = 2958465; // 9999-12-31

/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const EPOCH_OFFSET = daysFromCivil(1899, 12, 30);

export function serialFromDate(y: number, m: number, d: number): number {
  return daysFromCivil(y, m, d) - EPOCH_OFFSET;
}

/** Serial of 0001-01-01, the first day formatSerial shows as a date. */
const MIN_CALENDAR_SERIAL = -693593;

export function dateFromSerial(serial: number): { y: number; m: number; d: number } {
  return civilFromDays(Math.floor(serial) + EPOCH_OFFSET);
}

function daysInMonth(y: number, m: number): number {
  return serialFromDate(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - serialFromDate(y, m, 1);
}

/**
 * EDATE: the same day of the month `months` months away, clamped to the month's end
 * (EDATE(2024-02-29, −12) = 2023-02-28). The time of day is kept: 12 months before an incident
 * at 14:00 is 14:00 on that day, which is what "the 12 months before the incident" means.
 */
export function edate(serial: Decimal, months: number): Decimal {
  const whole = serial.floor();
  const fraction = serial.minus(whole);
  const { y, m, d } = dateFromSerial(whole.toNumber());
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12 + 12) % 12 + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return new Dec(serialFromDate(ny, nm, nd)).plus(fraction);
}

/** ISO text of a serial for messages (2024-03-01, or 2024-03-01 12:00 with a time of day). */
export function formatSerial(serial: Decimal | number): string {
  const s = typeof serial === 'number' ? new Dec(serial) : serial;
  // Round to the minute before splitting day and time: 23:59:59.9 is the next day's 00:00, never
  // "24:00" of the same day.
  const totalMinutes = s.times(1440).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  const whole = totalMinutes.div(1440).floor();
  // A serial outside years 1–9999 (e.g. a window end pushed out by 1e300 days) has no calendar
  // date: show the number itself rather than a meaningless year.
  if (whole.lt(MIN_CALENDAR_SERIAL) || whole.gt(LAST_SERIAL)) return s.toString();
  const { y, m, d } = dateFromSerial(whole.toNumber());
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  const minutes = totalMinutes.minus(whole.times(1440)).toNumber();
  return minutes === 0 ? day : `${day} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
