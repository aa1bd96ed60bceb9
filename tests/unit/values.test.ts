import { describe, expect, it } from 'vitest';
import { isNumberText, looksLikeValue, parseValue } from '../../src/normalize/values.ts';

describe('parseValue: blank and not applicable', () => {
  it.each(['', '   ', '\u00a0', '\u3000', '\n'])('reads %j as blank (null), not as 0', (text) => {
    expect(parseValue(text)).toEqual({ value: null, kind: 'blank' });
  });

  it.each(['-', '—', '——', '–', '－', '/', '／', '无', '不适用'])('reads %j as not applicable (null)', (text) => {
    expect(parseValue(text)).toEqual({ value: null, kind: 'not_applicable' });
  });

  it('keeps 0 apart from blank and from a dash', () => {
    expect(parseValue('0')).toEqual({ value: 0, kind: 'number' });
    expect(parseValue('0').kind).not.toBe(parseValue('').kind);
    expect(parseValue('0').kind).not.toBe(parseValue('-').kind);
  });
});

describe('parseValue: numbers', () => {
  it('reads plain integers', () => {
    expect(parseValue('3001')).toEqual({ value: 3001, kind: 'number' });
    expect(parseValue(' 12 ')).toEqual({ value: 12, kind: 'number' });
  });

  it('reads decimals as printed (本年收费金额 in 万元)', () => {
    expect(parseValue('0.00')).toEqual({ value: 0, kind: 'number' });
    expect(parseValue('96171.6')).toEqual({ value: 96171.6, kind: 'number' });
  });

  it('reads full-width digits, separators and decimal points', () => {
    expect(parseValue('１２')).toEqual({ value: 12, kind: 'number' });
    expect(parseValue('１２３．４５').value).toBe(123.45);
    expect(parseValue('１２，３４５').value).toBe(12345);
  });

  it('reads thousands separators, half-width or full-width', () => {
    expect(parseValue('12,345').value).toBe(12345);
    expect(parseValue('12，345').value).toBe(12345);
    expect(parseValue('1,234,567.5').value).toBe(1234567.5);
  });

  it('rejects a comma that is not a thousands separator', () => {
    expect(parseValue('1,2345').kind).toBe('unparseable');
    expect(parseValue('12,34').kind).toBe('unparseable');
  });

  it('reads signed deltas (本年增/减): +, -, full-width minus, dash used as minus', () => {
    expect(parseValue('+1036').value).toBe(1036);
    expect(parseValue('-8').value).toBe(-8);
    expect(parseValue('－8').value).toBe(-8);
    expect(parseValue('—8').value).toBe(-8);
    expect(parseValue('−5').value).toBe(-5);
  });

  it('writes -0 as a plain 0', () => {
    expect(Object.is(parseValue('-0').value, 0)).toBe(true);
  });

  it('reads the words 增加/增 as plus and 减少/减 as minus', () => {
    expect(parseValue('增加2').value).toBe(2);
    expect(parseValue('增2').value).toBe(2);
    expect(parseValue('减少3').value).toBe(-3);
    expect(parseValue('减3').value).toBe(-3);
  });
});

describe('parseValue: units', () => {
  it('splits a unit off the number and reports it (251000元)', () => {
    expect(parseValue('251000元')).toEqual({ value: 251000, kind: 'number', unit: '元' });
    expect(parseValue('251,000元')).toEqual({ value: 251000, kind: 'number', unit: '元' });
  });

  it('prefers the longer unit: 万元 over 元, 人次 over 人', () => {
    expect(parseValue('2.5万元')).toEqual({ value: 2.5, kind: 'number', unit: '万元' });
    expect(parseValue('3人次')).toEqual({ value: 3, kind: 'number', unit: '人次' });
  });

  it('reads count units and bracketed units', () => {
    expect(parseValue('3件')).toEqual({ value: 3, kind: 'number', unit: '件' });
    expect(parseValue('12（件）')).toEqual({ value: 12, kind: 'number', unit: '件' });
  });

  it('does not treat a unit on its own as a number', () => {
    expect(parseValue('元').kind).toBe('unparseable');
    expect(parseValue('件').kind).toBe('unparseable');
  });
});

describe('parseValue: text that is not a value', () => {
  it.each(['约10', '10%', 'abc', '1.2.3', '++1', '(12)', '12.', '.5', '1e3', '0x10', '自然人'])('reads %j as unparseable with a null value', (text) => {
    expect(parseValue(text)).toEqual({ value: null, kind: 'unparseable' });
  });
});

describe('looksLikeValue / isNumberText', () => {
  it('counts blanks and markers as values but not as numbers', () => {
    expect(looksLikeValue('')).toBe(true);
    expect(looksLikeValue('/')).toBe(true);
    expect(isNumberText('')).toBe(false);
    expect(isNumberText('/')).toBe(false);
    expect(isNumberText('0')).toBe(true);
  });

  it('does not count a label as a value', () => {
    expect(looksLikeValue('（一）予以公开')).toBe(false);
    expect(looksLikeValue('件数')).toBe(false);
  });
});

describe('parseValue: numbers run together or signed twice', () => {
  it('reads a space as a thousands separator only between groups of three', () => {
    expect(parseValue('1 000').value).toBe(1000);
    expect(parseValue('12 345 678').value).toBe(12345678);
  });

  it('does not join two numbers separated by a space into one', () => {
    expect(parseValue('1 2')).toEqual({ value: null, kind: 'unparseable' });
    expect(parseValue('10 20 30')).toEqual({ value: null, kind: 'unparseable' });
  });

  it('refuses a sign word together with a sign character', () => {
    expect(parseValue('减-3').kind).toBe('unparseable');
    expect(parseValue('增加-2').kind).toBe('unparseable');
    expect(parseValue('减少3').value).toBe(-3);
  });
});
