import { describe, expect, it } from 'vitest';
import { LABELS } from '../../src/catalogue/index.ts';
import { chineseNumeral, compact, fuzzyRule, labelKey, matchRule, normaliseLabel, similarity, type MatchRule } from '../../src/normalize/labels.ts';

describe('compact', () => {
  it('removes every kind of whitespace inside a label (stray spaces, U+3000, NBSP, line breaks)', () => {
    expect(compact('结果维 持')).toBe('结果维持');
    expect(compact('统　计　指　标')).toBe('统计指标');
    expect(compact('本年新\n制作数量')).toBe('本年新制作数量');
    expect(compact('结果\u00a0\t维持')).toBe('结果维持');
  });

  it('folds full-width forms to half-width (NFKC) so both bracket styles compare equal', () => {
    expect(compact('第二十条第（一）项')).toBe(compact('第二十条第(一)项'));
    expect(compact('１２３')).toBe('123');
  });

  it('drops curly and straight quotes', () => {
    expect(compact('3.危及“三安全一稳定”')).toBe('3.危及三安全一稳定');
    expect(compact('3.危及"三安全一稳定"')).toBe('3.危及三安全一稳定');
  });

  it('drops docx bookmark markers left by text exports', () => {
    expect(compact('[bookmark: _Hlk26876326]统　计　指　标')).toBe('统计指标');
  });

  it('applies the known synonyms and typos: 新收到→新收, 转结→结转, traditional-script 檔案→文件', () => {
    expect(compact('一、本年新收到政府信息公开申请数量')).toBe('一、本年新收政府信息公开申请数量');
    expect(compact('二、上年转结政府信息公开申请数量')).toBe('二、上年结转政府信息公开申请数量');
    expect(compact('四、转结下年度继续办理')).toBe('四、结转下年度继续办理');
    expect(compact('規範性檔案')).toBe('规范性文件');
  });
});

describe('normaliseLabel', () => {
  it.each([
    ['一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量', '一、'],
    ['（一）予以公开', '予以公开', '(一)'],
    ['(一)予以公开', '予以公开', '(一)'],
    ['1.属于国家秘密', '属于国家秘密', '1.'],
    ['1．属于国家秘密', '属于国家秘密', '1.'],
    ['1、属于国家秘密', '属于国家秘密', '1、'],
    ['（1）属于国家秘密', '属于国家秘密', '(1)'],
    ['十一、其他', '其他', '十一、'],
  ])('strips the enumerator of %s and keeps it as a hint', (text, key, enumerator) => {
    expect(normaliseLabel(text)).toMatchObject({ key, enumerator });
  });

  it('strips a circled-number enumerator (NFKC would otherwise turn ① into a bare 1 glued to the label)', () => {
    expect(normaliseLabel('①其他')).toEqual({ key: '其他', enumerator: '①', note: null });
    expect(labelKey('⑩属于行政查询事项')).toBe('属于行政查询事项');
  });

  it('strips two stacked enumerators from flattened cells: 三、(一)予以公开', () => {
    expect(normaliseLabel('三、(一)予以公开')).toMatchObject({ key: '予以公开', enumerator: '三、(一)' });
  });

  it('strips a stray leading period before the number: .2.政府网站公开政府信息数', () => {
    expect(labelKey('.2.政府网站公开政府信息数')).toBe('政府网站公开政府信息数');
  });

  it('does not take the integer part of a decimal for an enumerator', () => {
    expect(labelKey('1.5')).toBe('1.5');
  });

  it('keeps a label that is nothing but an enumerator', () => {
    expect(labelKey('(一)')).toBe('(一)');
  });

  it('moves a trailing bracketed note out of the key, keeping it for audit', () => {
    expect(normaliseLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toEqual({
      key: '部分公开',
      enumerator: '(二)',
      note: '(区分处理的,只计这一情形,不计其他情形)',
    });
    expect(labelKey('规章（设区的市、自治州人民政府应提供相关数据）')).toBe('规章');
    expect(labelKey('本年增/减（指2020年增加或减少的事项数，减用负值表示，如-8）')).toBe('本年增/减');
    expect(labelKey('总计（件）')).toBe('总计');
  });

  it('strips a nested trailing note as one: 规章(设区的市(含…))', () => {
    expect(labelKey('规章(设区的市(含自治州))')).toBe('规章');
  });
});

describe('matchRule', () => {
  const rules: MatchRule[] = [
    { id: 'other_handling', exact: ['其他处理'] },
    { id: 'prohibited', match: ['其他法律'] },
    { id: 'other', exact: ['其他'] },
    { id: 'denied', match: ['不予公开'] },
  ];

  it('prefers an exact rule anywhere in the list over an earlier contains rule', () => {
    expect(matchRule('其他', rules)?.id).toBe('other');
    expect(matchRule('其他处理', rules)?.id).toBe('other_handling');
  });

  it('matches a contains rule when no exact rule equals the key', () => {
    expect(matchRule('其他法律行政法规禁止公开', rules)?.id).toBe('prohibited');
  });

  it('does not match an exact rule by containment', () => {
    expect(matchRule('其他组织说明', [{ id: 'other', exact: ['其他'] }])).toBeUndefined();
  });

  it('matches nothing for an empty key', () => {
    expect(matchRule('', [{ id: 'any', match: [''] }])).toBeUndefined();
  });

  it('resolves the catalogue column names of the application table, including 合计 and 其他组织', () => {
    const columns = LABELS.applications.columns as MatchRule[];
    expect(matchRule(labelKey('合计'), columns)?.id).toBe('total');
    expect(matchRule(labelKey('其他组织'), columns)?.id).toBe('other_org');
    expect(matchRule(labelKey('自 然 人'), columns)?.id).toBe('natural_person');
  });
});

describe('similarity', () => {
  it('is 1 for equal strings and 0 for strings with no bigram in common', () => {
    expect(similarity('行政许可', '行政许可')).toBe(1);
    expect(similarity('行政许可', '结果维持')).toBe(0);
    expect(similarity('', '行政许可')).toBe(0);
  });

  it('is symmetric and high for a label with a few characters lost', () => {
    const a = '其他法律行政止公开';
    const b = '其他法律行政法规禁止公开';
    expect(similarity(a, b)).toBeCloseTo(similarity(b, a));
    expect(similarity(a, b)).toBeGreaterThan(0.6);
  });
});

describe('fuzzyRule', () => {
  const rules: MatchRule[] = [
    { id: 'prohibited_by_law', match: ['其他法律行政法规禁止公开'] },
    { id: 'state_secret', match: ['属于国家秘密'] },
    { id: 'process_info', match: ['属于四类过程性信息'] },
  ];

  it('catches a typo when one rule is clearly closest', () => {
    expect(fuzzyRule('其他法律行政止公开', rules)?.rule.id).toBe('prohibited_by_law');
  });

  it('returns nothing below the threshold', () => {
    expect(fuzzyRule('网上申请', rules)).toBeUndefined();
  });

  it('does not guess between two rules that are about equally close', () => {
    const twins: MatchRule[] = [
      { id: 'a', match: ['属于三类内部事务信息'] },
      { id: 'b', match: ['属于四类内部事务信息'] },
    ];
    expect(fuzzyRule('属于类内部事务信息', twins)).toBeUndefined();
  });
});

describe('chineseNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十一', 21],
    ['九十九', 99],
    ['两', 2],
    ['〇', 0],
    ['12', 12],
  ])('reads %s as %i', (text, n) => {
    expect(chineseNumeral(text)).toBe(n);
  });

  it.each(['', '一百', '十十', '第一', 'abc'])('returns null for %j', (text) => {
    expect(chineseNumeral(text)).toBeNull();
  });
});
