import { UnitKind } from '@ducha/contracts';

/**
 * The demo district, modelled on the seed reports: a district government with ~25 departments,
 * 10 towns and subdistricts, a rule-of-law office, ~150 certified officers.
 */
export const DEMO_REGIONS = {
  province: { code: '330000', name: '示范省' },
  city: { code: '330100', name: '示范市' },
  district: { code: '330105', name: '清河区' },
};

export const DEMO_OFFICE = { code: 'QH-SFJ', name: '清河区司法局（区委依法治区办）' };

/** [code, name, kind, enforcement body, officers] */
export const DEMO_DEPARTMENTS: readonly [string, string, UnitKind, boolean, number][] = [
  ['QH-SCJG', '区市场监督管理局', UnitKind.GOVERNMENT_DEPARTMENT, true, 14],
  ['QH-STHJ', '市生态环境局清河分局', UnitKind.VERTICAL, true, 8],
  ['QH-YJGL', '区应急管理局', UnitKind.GOVERNMENT_DEPARTMENT, true, 7],
  ['QH-JTYS', '区交通运输局', UnitKind.GOVERNMENT_DEPARTMENT, true, 8],
  ['QH-ZHZF', '区城市管理综合行政执法局', UnitKind.GOVERNMENT_DEPARTMENT, true, 16],
  ['QH-WSJK', '区卫生健康委员会', UnitKind.GOVERNMENT_DEPARTMENT, true, 7],
  ['QH-JY', '区教育局', UnitKind.GOVERNMENT_DEPARTMENT, true, 4],
  ['QH-RSJ', '区人力资源和社会保障局', UnitKind.GOVERNMENT_DEPARTMENT, true, 5],
  ['QH-ZJJ', '区住房和城乡建设局', UnitKind.GOVERNMENT_DEPARTMENT, true, 6],
  ['QH-ZRZY', '市自然资源和规划局清河分局', UnitKind.VERTICAL, true, 6],
  ['QH-NYNC', '区农业农村局', UnitKind.GOVERNMENT_DEPARTMENT, true, 6],
  ['QH-SW', '区水务局', UnitKind.GOVERNMENT_DEPARTMENT, true, 4],
  ['QH-WLJ', '区文化和旅游局', UnitKind.GOVERNMENT_DEPARTMENT, true, 5],
  ['QH-SWJ', '区商务局', UnitKind.GOVERNMENT_DEPARTMENT, true, 3],
  ['QH-MZ', '区民政局', UnitKind.GOVERNMENT_DEPARTMENT, true, 3],
  ['QH-CZ', '区财政局', UnitKind.GOVERNMENT_DEPARTMENT, true, 2],
  ['QH-SJ', '区审计局', UnitKind.GOVERNMENT_DEPARTMENT, false, 0],
  ['QH-TJ', '区统计局', UnitKind.GOVERNMENT_DEPARTMENT, true, 2],
  ['QH-YB', '区医疗保障局', UnitKind.GOVERNMENT_DEPARTMENT, true, 4],
  ['QH-TYJR', '区退役军人事务局', UnitKind.GOVERNMENT_DEPARTMENT, false, 0],
  ['QH-FGW', '区发展和改革局', UnitKind.GOVERNMENT_DEPARTMENT, true, 3],
  ['QH-KJ', '区科技和工业信息化局', UnitKind.GOVERNMENT_DEPARTMENT, true, 2],
  ['QH-GA', '市公安局清河分局', UnitKind.VERTICAL, true, 10],
  ['QH-XF', '区消防救援大队', UnitKind.VERTICAL, true, 4],
  ['QH-SWU', '国家税务总局清河区税务局', UnitKind.VERTICAL, true, 6],
];

/** [code, name, officers]: towns and subdistricts hold comprehensive enforcement teams. */
export const DEMO_TOWNS: readonly [string, string, number][] = [
  ['QH-CGJD', '城关街道', 3],
  ['QH-DCJD', '东城街道', 3],
  ['QH-XCJD', '西城街道', 2],
  ['QH-NHJD', '南湖街道', 2],
  ['QH-BSJD', '北山街道', 2],
  ['QH-HKZ', '河口镇', 2],
  ['QH-LLZ', '柳林镇', 2],
  ['QH-QSZ', '青石镇', 2],
  ['QH-BSZ', '白沙镇', 1],
  ['QH-SQZ', '石桥镇', 1],
];

export const DEMO_PASSWORD = 'Ducha@2026';

/** [username, name, unit code, roles, what they do] */
export const DEMO_USERS: readonly [string, string, string, string[], string][] = [
  ['admin', '王管理', DEMO_OFFICE.code, ['ADMIN'], '系统管理员 administrator'],
  ['inspector', '李督察', DEMO_OFFICE.code, ['INSPECTOR'], '督察人员 inspector'],
  ['inspector2', '赵评查', DEMO_OFFICE.code, ['INSPECTOR'], '督察人员 second inspector (verifies what the first issued)'],
  ['officer', '陈联络', 'QH-SCJG', ['DEPARTMENT_OFFICER'], '部门法制联络员 区市场监督管理局'],
  ['officer2', '周联络', 'QH-ZHZF', ['DEPARTMENT_OFFICER'], '部门法制联络员 区城市管理综合行政执法局'],
  ['leader', '孙区长', DEMO_OFFICE.code, ['LEADER'], '领导 leader (cockpit)'],
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红文斌宇浩凯健俊帆帅旭宁龙林欣悦晨阳雪梅琳婷慧颖琪'.split('');

/** A deterministic generator, so every fresh demo database is the same. */
export function demoRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoName(random: () => number): string {
  const surname = SURNAMES[Math.floor(random() * SURNAMES.length)];
  const length = random() < 0.6 ? 2 : 1;
  return surname + Array.from({ length }, () => GIVEN[Math.floor(random() * GIVEN.length)]).join('');
}
