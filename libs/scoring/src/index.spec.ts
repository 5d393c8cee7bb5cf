import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import * as scoring from './index.js';

const SRC = path.resolve(process.cwd(), 'libs/scoring/src');
const shipped = readdirSync(SRC).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));

describe('@ducha/scoring', () => {
  it('should export the engine API from its index', () => {
    for (const name of [
      'validateTemplate',
      'validateFramework',
      'validateAnswers',
      'validateFrameworkAnswers',
      'evaluate',
      'evaluateFramework',
      'gradeFor',
      'roundHalfUp',
      'ScoringError',
    ] as const) {
      expect(typeof scoring[name]).toBe('function');
    }
    expect(scoring.ScoringErrorCode.INVALID_ANSWERS).toBe('INVALID_ANSWERS');
  });

  // The dashboard bundles this library for the browser: shipped sources may import only each other.
  it.each(shipped)('should import nothing but sibling modules in %s', (file) => {
    const source = readFileSync(path.join(SRC, file), 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(specifiers.filter((specifier) => !specifier?.startsWith('./'))).toEqual([]);
    expect(source).not.toMatch(/\b(process|Buffer|require|__dirname)\b[.(]/);
  });
});
