/**
 * A document that is not a report: a notice about compiling the annual reports, with a small
 * work-schedule table. It mentions 年度报告, years and 第二十条, so only the absence of the report
 * tables tells it apart.
 */
import { p, simpleTable, tableBlock, type LayoutDoc } from './layout.ts';
import type { BuiltReport } from './report.ts';

export function buildNotice(): BuiltReport {
  const schedule = simpleTable(
    ['序号', '工作事项', '完成时限', '责任单位'],
    [
      ['1', '梳理2021年度主动公开、依申请公开等数据，对照第二十条逐项核对', '2022年1月10日前', '各乡镇（街道）、各部门'],
      ['2', '起草年度报告并履行审核程序', '2022年1月20日前', '各乡镇（街道）、各部门'],
      ['3', '在政府信息公开专栏发布年度报告', '2022年1月31日前', '各部门'],
      ['4', '汇总编制全县年度报告', '2022年3月31日前', '县政府办公室'],
    ],
    [8, 52, 20, 20],
  );
  const doc: LayoutDoc = {
    containerTitle: '关于做好2021年度政府信息公开工作年度报告编制和发布工作的通知',
    blocks: [
      p('青山县人民政府办公室', 'title'),
      p('关于做好2021年度政府信息公开工作年度报告编制和发布工作的通知', 'title'),
      p('各乡镇人民政府、街道办事处，县政府各部门：', 'body'),
      p(
        '根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，现就做好2021年度政府信息公开工作年度报告编制和发布工作通知如下。',
      ),
      p('一、编制要求', 'heading'),
      p('各单位要严格按照新的年度报告格式编制报告，报告中的统计数据应当真实准确，表格中各项数据的勾稽关系应当一致，不得随意增减表格栏目。'),
      p('二、时间安排', 'heading'),
      p('请各单位按照下表时间节点完成相关工作：'),
      tableBlock(schedule),
      p('三、工作要求', 'heading'),
      p('各单位要高度重视，明确专人负责，按时完成年度报告的编制和发布工作。联系人：张明，联系电话：0571-88888888。'),
      p('', 'body'),
      p('青山县人民政府办公室', 'signature'),
      p('2021年12月20日', 'signature'),
    ],
  };
  return {
    doc,
    truth: { report: { agency: null, year: null, template: 'unknown' }, status: 'not_a_report', fields: {}, source_identity_failures: [] },
  };
}
