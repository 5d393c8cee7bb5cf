import { readSheet, writeSheet } from './tabular.js';

describe(writeSheet.name, () => {
  it('should report the rows written as the sheet fills, the last time with every row', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [`T-${i}`, i]);
    const heard: number[] = [];
    const content = await writeSheet('台账', ['编号', '序号'], rows, async (written) => void heard.push(written));
    expect(heard).toEqual([1000, 2000, 2500]);
    const sheet = await readSheet(content);
    expect(sheet.rows).toHaveLength(2500);
    expect(sheet.rows.at(-1)?.cells).toEqual({ 编号: 'T-2499', 序号: '2499' });
  });

  it('should report about twenty times for a large sheet', async () => {
    const heard: number[] = [];
    await writeSheet(
      '台账',
      ['编号'],
      Array.from({ length: 60_000 }, (_, i) => [i]),
      async (written) => void heard.push(written),
    );
    expect(heard).toHaveLength(20);
    expect(heard.at(-1)).toBe(60_000);
  });
});
