import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/model/document.ts';
import { classifyTable } from '../../src/normalize/classify.ts';
import { TableView } from '../../src/normalize/table-view.ts';
import { active2019, active2021, applicationRows, applicationsMerged, applicationsUnmerged, reviewTable, table } from './fixtures.ts';

const kind = (t: TableBlock) => classifyTable(new TableView(t));

describe('classifyTable', () => {
  it('recognises the application table, merged or not, 2019 or 2021', () => {
    expect(kind(applicationsMerged(applicationRows('2019')))).toBe('applications');
    expect(kind(applicationsUnmerged(applicationRows('2021')))).toBe('applications');
  });

  it('recognises the 第二十条 table in both templates', () => {
    expect(kind(active2019())).toBe('active_disclosure');
    expect(kind(active2021())).toBe('active_disclosure');
  });

  it('recognises the review/litigation table', () => {
    expect(kind(reviewTable(Array<string>(15).fill('0')))).toBe('review_litigation');
  });

  it('recognises the Zhejiang platform table', () => {
    const t = table([
      ['统　计　指　标', '单位', '统计数'],
      ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', '1420'],
      ['1.政府公报公开政府信息数', '条', '0'],
      ['.2.政府网站公开政府信息数', '条', '423'],
    ]);
    expect(kind(t)).toBe('platform');
  });

  it('tells the pre-2019 national statistics table from the platform table by its 依申请 rows', () => {
    const t = table([
      ['统计指标', '单位', '统计数'],
      ['一、主动公开情况', '', ''],
      ['（一）主动公开政府信息数', '条', '120'],
      ['三、依申请公开情况', '', ''],
      ['（一）收到申请数', '件', '5'],
      ['（三）申请答复数', '件', '5'],
      ['四、行政复议数量', '件', '0'],
      ['五、行政诉讼数量', '件', '0'],
    ]);
    expect(kind(t)).toBe('pre2019');
  });

  it('does not take a page-metadata table (索引号/发布机构/发文日期) for a report table', () => {
    const t = table([
      ['索引号', '000014349/2021-00012', '分类', '政府信息公开年报'],
      ['发布机构', 'XX区人民政府办公室', '发文日期', '2021-01-11'],
      ['标题', 'XX区人民政府2020年政府信息公开工作年度报告', '文号', ''],
    ]);
    expect(kind(t)).toBeNull();
  });

  it('does not take a layout table that holds the article text for a report table', () => {
    const article = [
      'XX区人民政府2020年政府信息公开工作年度报告',
      '一、总体情况。本年度，我区收到政府信息公开申请，其中自然人申请较多，商业企业申请较少；予以公开的占多数，不予公开的均依法说明理由。',
      '四、政府信息公开行政复议、行政诉讼情况。全年发生行政复议、行政诉讼各一件，结果维持。',
    ].join('\n');
    expect(kind(table([[article]]))).toBeNull();
  });

  it('needs at least two markers: one stray word is not enough', () => {
    expect(kind(table([['行政许可', '3']]))).toBeNull();
  });
});
