const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A YYYY-MM-DD day the calendar has. JavaScript's own parsing rolls 2026-02-30 over to March 2 and
 * PostgreSQL refuses it, as it does year 0; a phone browser without a date picker lets a seller type either.
 */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value) || value.startsWith('0000')) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
