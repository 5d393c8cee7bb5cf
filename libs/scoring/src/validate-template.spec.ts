import { readFixture } from '../test/fixtures.js';
import { validateTemplate } from './validate-template.js';

type Doc = Record<string, any>;

function edited(file: Parameters<typeof readFixture>[0], edit: (doc: Doc) => void): Doc {
  const doc = structuredClone(readFixture(file)) as Doc;
  edit(doc);
  return doc;
}

const licensing = (edit: (doc: Doc) => void) => edited('example-licensing-deduct100.json', edit);
const mee = (edit: (doc: Doc) => void) => edited('mee-penalty-general-2024.json', edit);
const checklist = (edit: (doc: Doc) => void) => edited('three-systems-checklist.json', edit);

function errorsOf(json: unknown) {
  const result = validateTemplate(json);
  if (result.ok) throw new Error('expected the template to be refused');
  return result.errors;
}

describe(validateTemplate.name, () => {
  it.each(['mee-penalty-general-2024.json', 'example-licensing-deduct100.json', 'three-systems-checklist.json'] as const)(
    'should accept the shipped %s and return it typed',
    (file) => {
      const result = validateTemplate(readFixture(file));
      expect(result).toEqual({ ok: true, template: readFixture(file) });
    },
  );

  it('should accept JSON text and report unparsable text at the root', () => {
    expect(validateTemplate(JSON.stringify(readFixture('example-licensing-deduct100.json'))).ok).toBe(true);
    expect(errorsOf('{"code": ')).toEqual([{ path: '', reason: expect.stringMatching(/^is not valid JSON/) }]);
  });

  it('should send an indicator framework to validateFramework', () => {
    expect(errorsOf(readFixture('demo-county-framework-2026.json'))[0]?.reason).toMatch(/validateFramework/);
  });

  it('should name the JSON path of a step that is not positive', () => {
    const doc = licensing((d) => (d.sections[1].items[3].step = 0));
    expect(errorsOf(doc)).toEqual([{ path: 'sections[1].items[3].step', reason: 'must be > 0' }]);
  });

  it('should refuse a step that does not divide maxPoints', () => {
    const doc = licensing((d) => (d.sections[1].items[0].step = 3));
    expect(errorsOf(doc)).toEqual([{ path: 'sections[1].items[0].step', reason: 'must divide maxPoints 10 into whole steps' }]);
  });

  it('should require a step on an item without sub-items only', () => {
    const doc = licensing((d) => delete d.sections[1].items[2].step);
    expect(errorsOf(doc)).toEqual([{ path: 'sections[1].items[2].step', reason: 'is required' }]);
    expect(validateTemplate(mee((d) => delete d.sections[2].items[0].step)).ok).toBe(true);
  });

  it('should refuse sub-items whose maxPoints do not add up to the parent', () => {
    const doc = mee((d) => (d.sections[1].items[0].children[0].maxPoints = 2.5));
    expect(errorsOf(doc)).toEqual([
      {
        path: 'sections[1].items[0].children',
        reason: "sub-items' maxPoints add up to 9.5, but the item's maxPoints is 10",
      },
    ]);
  });

  it('should refuse an item code used twice anywhere in the rubric', () => {
    const doc = mee((d) => (d.sections[2].items[1].children[0].code = 'L01'));
    expect(errorsOf(doc)).toEqual([
      {
        path: 'sections[2].items[1].children[0].code',
        reason: "duplicate code 'L01' (first used at sections[0].items[0])",
      },
    ]);
  });

  it('should refuse kinds that do not fit the section or the parent', () => {
    const doc = mee((d) => {
      d.sections[0].items[0].kind = 'DEDUCT';
      d.sections[2].items[0].children[0].kind = 'DEDUCT';
      d.sections[1].items[0].kind = 'EARN';
    });
    expect(errorsOf(doc)).toEqual(
      expect.arrayContaining([
        { path: 'sections[0].items[0].kind', reason: 'must be VETO (the kind of its section or parent item)' },
        {
          path: 'sections[2].items[0].children[0].kind',
          reason: 'must be EARN (the kind of its section or parent item)',
        },
        { path: 'sections[1].items[0].kind', reason: 'must be DEDUCT (the kind of its section or parent item)' },
      ]),
    );
  });

  it('should refuse points on a veto item', () => {
    const doc = licensing((d) => (d.sections[0].items[1].maxPoints = 5));
    expect(errorsOf(doc)).toEqual([
      { path: 'sections[0].items[1].maxPoints', reason: 'a VETO item takes no maxPoints: any hit zeroes the score' },
    ]);
  });

  it('should refuse EARN items worth more than their section', () => {
    const doc = mee((d) => (d.sections[2].items[13].maxPoints = 4));
    expect(errorsOf(doc)).toEqual([
      { path: 'sections[2].items', reason: "EARN items' maxPoints add up to 101, above the section's maxPoints 100" },
    ]);
  });

  it('should refuse grade bands not ordered from best or not ending at FAIL 0', () => {
    const unordered = licensing((d) => (d.gradeBands[1].min = 95));
    expect(errorsOf(unordered)).toEqual([
      { path: 'gradeBands[1].min', reason: "bands must be ordered from best: 95 must be below the previous band's 90" },
    ]);
    const noFloor = licensing((d) => (d.gradeBands[2].min = 10));
    expect(errorsOf(noFloor)).toEqual([
      { path: 'gradeBands[2]', reason: 'the last band must be FAIL with min 0, so every score gets a grade' },
    ]);
  });

  it('should refuse a formula that does not fit a rubric', () => {
    expect(errorsOf(licensing((d) => (d.formula = 'WEIGHTED_SUM')))[0]?.path).toBe('formula');
    expect(errorsOf(licensing((d) => (d.formula = 'AVERAGE')))).toEqual([
      { path: 'formula', reason: 'must be one of DEDUCT_FROM_100, LEGALITY_PLUS_NORMATIVITY, PASS_FAIL' },
    ]);
  });

  it('should refuse LEGALITY_PLUS_NORMATIVITY without a POINTS section to form the denominator', () => {
    const doc = mee((d) => d.sections.splice(2, 1));
    expect(errorsOf(doc)).toEqual([{ path: 'sections', reason: expect.stringMatching(/needs a POINTS section/) }]);
  });

  it('should report every problem of a file in one pass', () => {
    const doc = licensing((d) => {
      delete d.code;
      d.caseTypes = ['LICENSING', 'PARKING'];
      d.sections[1].items[9].maxPoints = 10.12345;
      d.sections[1].items[4].mayNotApply = 'yes';
    });
    expect(errorsOf(doc)).toEqual([
      { path: 'code', reason: 'is required' },
      { path: 'caseTypes[1]', reason: expect.stringMatching(/^must be one of PENALTY/) },
      { path: 'sections[1].items[4].mayNotApply', reason: 'must be true or false' },
      { path: 'sections[1].items[9].maxPoints', reason: 'must have at most 4 decimal places' },
    ]);
  });

  it('should refuse a checklist with wrong result factors, systems or weights', () => {
    const doc = checklist((d) => {
      d.results.PARTIAL = 1.5;
      d.results.NOT_APPLICABLE = 0;
      d.items[0].system = 'TRAINING';
      d.items[1].weight = 0;
      d.items[2].code = 'DIS-01';
    });
    expect(errorsOf(doc)).toEqual([
      { path: 'results.PARTIAL', reason: 'must be <= 1' },
      { path: 'results.NOT_APPLICABLE', reason: 'must be null: a not-applicable item leaves the denominator' },
      { path: 'items[0].system', reason: 'must be one of DISCLOSURE, RECORDING, LEGAL_REVIEW' },
      { path: 'items[1].weight', reason: 'must be > 0' },
      { path: 'items[2].code', reason: "duplicate code 'DIS-01' (first used at items[0])" },
    ]);
  });

  it('should refuse a document that is neither a rubric nor a checklist', () => {
    expect(errorsOf([])).toEqual([{ path: '', reason: 'must be a JSON object' }]);
    expect(errorsOf({ code: 'X' })).toEqual([{ path: '', reason: 'must have sections (a rubric) or items (a checklist)' }]);
  });
});
