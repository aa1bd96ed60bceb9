/**
 * Report prose: section headings and a few plausible sentences per section, so that fixtures
 * read like real reports (and carry the traps real reports have: other years, notice numbers and
 * dates in the text, a date line at the end).
 */
import type { Paragraph } from './layout.ts';
import { p } from './layout.ts';
import type { Rng } from './values.ts';

export type HeadingStyle = 'template' | 'art50' | 'lost-numeral';

export interface ProseContext {
  /** Name used in the text (e.g. 青山县人民政府 or 本局). */
  agencyName: string;
  /** Short self-reference: 我县, 我局, 本机关 … */
  self: string;
  year: number;
  template: '2019' | '2021';
  rng: Rng;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** Section headings in order; `platform` inserts the Zhejiang section as 三 and renumbers the rest. */
export function sectionHeadings(style: HeadingStyle, platform: boolean): Record<string, string> {
  const names: [string, string][] = [
    ['overview', '总体情况'],
    ['active', '主动公开政府信息情况'],
    ...(platform ? ([['platform', '公开平台建设和信息发布情况']] as [string, string][]) : []),
    ['applications', '收到和处理政府信息公开申请情况'],
    ['review', style === 'art50' ? '因政府信息公开工作被申请行政复议、提起行政诉讼情况' : '政府信息公开行政复议、行政诉讼情况'],
    ['problems', style === 'art50' ? '政府信息公开工作存在的主要问题及改进情况' : '存在的主要问题及改进情况'],
    ['other', '其他需要报告的事项'],
  ];
  const out: Record<string, string> = {};
  names.forEach(([key, text], i) => {
    const numeral = style === 'lost-numeral' && key === 'active' ? '' : NUMERALS[i]!;
    out[key] = `${numeral}、${text}`;
  });
  return out;
}

export function introParagraphs(c: ProseContext): Paragraph[] {
  const notice =
    c.template === '2021'
      ? '《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）'
      : '《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）';
  return [
    p(
      `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${notice}要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自${c.year}年1月1日起至${c.year}年12月31日止。如对本报告有疑问，请与${c.agencyName}办公室联系。`,
    ),
  ];
}

export function overviewParagraphs(c: ProseContext): Paragraph[] {
  const r = c.rng;
  const items: [string, string][] = [
    [
      '主动公开',
      `${c.year}年，${c.self}围绕中心工作，及时公开政策文件、财政预决算、重大建设项目、公共资源配置等信息，全年在政府门户网站发布各类信息${r.int(120, 2400)}条，其中政策解读${r.int(3, 60)}篇。`,
    ],
    [
      '依申请公开',
      `${c.self}进一步规范依申请公开受理、办理、答复流程，严格按照法定时限答复申请人，做到依法、规范、及时，全年未发生因超期答复被纠错的情况。`,
    ],
    [
      '政府信息管理',
      `建立健全政府信息公开发布前保密审查机制，落实“三审三校”制度；开展规范性文件清理，对照${c.year - 1}年底前制发的文件逐件梳理，及时更新公开目录。`,
    ],
    [
      '政府信息公开平台建设',
      `加强政府网站和政务新媒体管理，优化政府信息公开专栏设置，全年维护更新栏目${r.int(20, 90)}个，按季度开展网站自查，确保信息准确、链接有效。`,
    ],
    [
      '监督保障',
      `将政务公开工作纳入年度绩效考核，组织政务公开业务培训${r.int(1, 6)}次，参训人员${r.int(20, 300)}人次，主动接受社会监督，畅通意见反馈渠道。`,
    ],
  ];
  const out: Paragraph[] = [
    p(`${c.year}年，${c.agencyName}深入贯彻落实《条例》和上级关于政务公开工作的部署要求，坚持以公开为常态、不公开为例外，不断提升政务公开质量和实效。`),
  ];
  items.forEach(([title, text], i) => {
    out.push(p(`（${NUMERALS[i]}）${title}`, 'subheading'));
    out.push(p(text));
  });
  return out;
}

export function activeIntro(c: ProseContext): Paragraph {
  return p(`${c.year}年，${c.self}主动公开政府信息情况如下表所示。`);
}

export function applicationsIntro(c: ProseContext, received: number | undefined, carried: number | undefined): Paragraph {
  if (received === undefined) return p(`${c.year}年，${c.self}收到和处理政府信息公开申请情况如下：`);
  return p(
    `${c.year}年，${c.self}共收到政府信息公开申请${received}件，上年结转${carried ?? 0}件，均已按照《条例》规定的时限和要求予以答复或正在办理中。具体情况如下：`,
  );
}

export function reviewIntro(c: ProseContext, reviews: number): Paragraph {
  return reviews === 0
    ? p(`${c.year}年，${c.self}未发生因政府信息公开申请被申请行政复议、提起行政诉讼的情况。`)
    : p(`${c.year}年，${c.self}因政府信息公开工作被申请行政复议${reviews}件，具体情况如下：`);
}

export function problemParagraphs(c: ProseContext): Paragraph[] {
  return [
    p(`${c.year}年，${c.self}政府信息公开工作取得了一定成效，但也存在一些不足：一是公开内容的深度和广度还有待拓展；二是政策解读形式较为单一，图解、视频等解读方式运用不多；三是工作人员业务能力有待进一步提高。`),
    p(`下一步，${c.self}将重点做好以下工作：一是进一步加大重点领域信息公开力度，提高公开质量；二是丰富政策解读形式，增强解读实效；三是加强业务培训，提升工作人员依法公开意识和能力。`),
  ];
}

export function otherParagraphs(c: ProseContext): Paragraph[] {
  if (c.template === '2021') {
    return [
      p(`依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），${c.self}${c.year}年度未收取信息处理费。`),
      p(`${c.year}年，${c.self}共办理人大代表建议${c.rng.int(0, 30)}件、政协提案${c.rng.int(0, 30)}件，办理结果均已按要求公开。`),
    ];
  }
  return [p('无。')];
}

/** A publication date in the first quarter of the next year, printed like `2021年1月11日`. */
export function dateLine(year: number, rng: Rng): string {
  return `${year + 1}年${rng.int(1, 3)}月${rng.int(1, 28)}日`;
}
