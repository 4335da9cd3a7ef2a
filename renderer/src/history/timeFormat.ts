/**
 * Dates and times as the panels show them (medium date, short time, the user's locale). One
 * Intl.DateTimeFormat each, made once, and each text remembered: `toLocaleString` with options
 * builds a new formatter on every call, which made every rendered row of a long History or
 * Overview table cost a millisecond or more.
 */
import { boundedMemo } from '../../../shared/boundedMemo';

const MAX_REMEMBERED = 20_000;

let dateTime: Intl.DateTimeFormat | null = null;
let day: Intl.DateTimeFormat | null = null;

/** An ISO time as "Nov 20, 2026, 9:00 AM" (in the user's locale); text that is not a time as it is. */
export const formatDateTime = boundedMemo((at: string) => {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dateTime.format(date);
}, MAX_REMEMBERED);

/** A calendar day (YYYY-MM-DD) as "Nov 20, 2026", taken at noon local time so no zone moves it; other text as it is. */
export const formatDay = boundedMemo((value: string) => {
  const date = new Date(`${value}T12:00:00`);
  if (Number.isNaN(date.getTime())) return value;
  day ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  return day.format(date);
}, MAX_REMEMBERED);
