import { describe, expect, it } from 'vitest';
import { fileReferencesOf } from './file-references.ts';

describe('fileReferencesOf', () => {
  it('finds the links among a line\'s options and leaves the rest', () => {
    expect(
      fileReferencesOf([
        { name: 'Design file', value: 'https://files.example.com/ada-cards.pdf' },
        { name: 'Paper', value: '350gsm matte' },
        { name: '_upload', value: ' http://uploads.example.com/x.png ' },
        { name: 'Note', value: 'see https://example.com for details' },
        { name: 'Script', value: 'javascript:alert(1)' },
      ]),
    ).toEqual([
      { name: 'Design file', url: 'https://files.example.com/ada-cards.pdf' },
      { name: '_upload', url: 'http://uploads.example.com/x.png' },
    ]);
  });
});
