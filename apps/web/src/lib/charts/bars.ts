/**
 * Where a bar from `from` to `to` starts on a scale and how long it is, whichever way it goes: a
 * month whose refunds outweigh its sales is a bar below zero, never a negative height.
 */
export function barSpan(scale: (value: number) => number, from: number, to: number): { start: number; size: number } {
  const a = scale(from);
  const b = scale(to);
  return { start: Math.min(a, b), size: Math.abs(b - a) };
}
