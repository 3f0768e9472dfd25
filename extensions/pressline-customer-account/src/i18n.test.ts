import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator, type Key } from './i18n.ts';

describe('translator', () => {
  it('picks German for any German locale and English for any other language', () => {
    expect(translator('de-CH').t('reorder')).toBe('Erneut bestellen');
    expect(translator('fr').t('reorder')).toBe('Reorder');
    expect(translator('fr').language).toBe('en');
    expect(translator(undefined).t('reorderHeading', { name: '#7' })).toBe('Reorder #7');
    expect(translator('de').t('reorderHeading', { name: '#7' })).toBe('#7 erneut bestellen');
  });

  it('uses the same placeholders in German as in English for every text', () => {
    const { en, de } = LANGUAGES as Record<'en' | 'de', Record<Key, string>>;
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(en) as Key[]) {
      expect(de[key], key).not.toBe('');
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('translates the statuses Pressline reports and no other word', () => {
    const de = translator('de');
    expect(de.word('in_production', 'In production')).toBe('In Produktion');
    expect(de.word('reorder', 'reorder')).toBe('reorder');
  });
});
