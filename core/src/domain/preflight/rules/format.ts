/** Numbers as a person reads them in a finding: 85 mm, 84.6 mm, 0.01 mm. */
export function mm(value: number): string {
  return `${round(value)} mm`;
}

export function size(width: number, height: number): string {
  return `${round(width)} × ${round(height)} mm`;
}

export function round(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 0.1 ? 2 : 3;
  return String(Number(value.toFixed(digits)));
}

export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}

export function list(items: readonly (string | number)[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
