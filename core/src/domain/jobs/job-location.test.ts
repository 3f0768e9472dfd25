import { describe, expect, it } from 'vitest';
import { cleanLocation, MAX_LOCATION_LENGTH } from './job-location.ts';

describe('cleanLocation', () => {
  it('trims and collapses what the operator typed', () => {
    expect(cleanLocation('  Shelf   B3 \n')).toEqual({ ok: true, location: 'Shelf B3' });
  });

  it('treats a blank or missing location as none', () => {
    expect(cleanLocation('   ')).toEqual({ ok: true, location: null });
    expect(cleanLocation(null)).toEqual({ ok: true, location: null });
  });

  it('refuses control characters and names the field', () => {
    expect(cleanLocation('Rack\u00071')).toEqual({ ok: false, problem: 'location: control characters are not allowed' });
  });

  it('counts characters, not bytes, against the limit', () => {
    expect(cleanLocation('🖨'.repeat(MAX_LOCATION_LENGTH))).toEqual({ ok: true, location: '🖨'.repeat(MAX_LOCATION_LENGTH) });
    const tooLong = cleanLocation('x'.repeat(MAX_LOCATION_LENGTH + 1));
    expect(tooLong.ok).toBe(false);
    expect(tooLong.ok ? '' : tooLong.problem).toContain(`at most ${MAX_LOCATION_LENGTH}`);
  });
});
