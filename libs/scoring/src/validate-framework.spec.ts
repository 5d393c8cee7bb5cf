import { readFixture } from '../test/fixtures.js';
import { validateFramework } from './validate-framework.js';

type Doc = Record<string, any>;

function edited(edit: (doc: Doc) => void): Doc {
  const doc = structuredClone(readFixture('demo-county-framework-2026.json')) as Doc;
  edit(doc);
  return doc;
}

function errorsOf(json: unknown) {
  const result = validateFramework(json);
  if (result.ok) throw new Error('expected the framework to be refused');
  return result.errors;
}

describe(validateFramework.name, () => {
  it('should accept the shipped demo county framework', () => {
    const json = readFixture('demo-county-framework-2026.json');
    expect(validateFramework(json)).toEqual({ ok: true, template: json });
  });

  it('should refuse a level-1 weight that is not the sum of its level-3 weights', () => {
    expect(errorsOf(edited((d) => (d.indicators[0].weight = 15)))).toEqual([
      { path: 'indicators[0].weight', reason: 'must equal the sum of the level-3 weights below it (14)' },
    ]);
  });

  it('should refuse wrong levels, methods and children', () => {
    const doc = edited((d) => {
      d.indicators[0].children[0].level = 3;
      d.indicators[1].children[0].children[0].method = 'SURVEY';
      d.indicators[2].children[0].children[0].children = [];
      d.indicators[3].method = 'SELF_REPORT';
    });
    expect(errorsOf(doc)).toEqual([
      { path: 'indicators[0].children[0].level', reason: 'must be 2 (one below its parent)' },
      {
        path: 'indicators[1].children[0].children[0].method',
        reason: expect.stringMatching(/^must be SELF_REPORT, DATA:<KEY> or RATE:<KEY>/),
      },
      { path: 'indicators[2].children[0].children[0].children', reason: 'a level-3 indicator has no children' },
      { path: 'indicators[3].method', reason: 'only level-3 indicators have a method' },
    ]);
  });

  it('should refuse a SELF_REPORT weight an inspector cannot reach in steps of 0.5', () => {
    const doc = edited((d) => {
      d.indicators[0].children[0].children[0].weight = 2.7;
      d.indicators[0].weight = 13.7;
    });
    expect(errorsOf(doc)).toEqual([
      {
        path: 'indicators[0].children[0].children[0].weight',
        reason: 'must be a multiple of 0.5, the SELF_REPORT scoring step',
      },
    ]);
  });

  it('should refuse duplicate codes and a negative weight', () => {
    const doc = edited((d) => {
      d.indicators[1].code = 'I1';
      d.indicators[5].children[0].children[1].weight = -1;
    });
    expect(errorsOf(doc)).toEqual([
      { path: 'indicators[1].code', reason: "duplicate code 'I1' (first used at indicators[0])" },
      { path: 'indicators[5].children[0].children[1].weight', reason: 'must be >= 0' },
    ]);
  });
});
