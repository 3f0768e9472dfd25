import { describe, expect, it } from 'vitest';
import { uploadedFileName } from './uploaded-file.ts';

describe("an uploaded file's name", () => {
  it('undoes the three escapes browsers apply, and nothing else', () => {
    expect(uploadedFileName('The %22big%22 poster.pdf')).toBe('The "big" poster.pdf');
    expect(uploadedFileName('two%0D%0Alines.svg')).toBe('two lines.svg');
    expect(uploadedFileName('100%25 cotton %2F final.pdf')).toBe('100%25 cotton %2F final.pdf');
  });

  it('names a nameless file', () => {
    expect(uploadedFileName('')).toBe('file');
    expect(uploadedFileName('%0A')).toBe('file');
  });
});
