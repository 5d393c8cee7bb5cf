import type { IndicatorFramework } from '@ducha/scoring';
import framework from './data/demo-county-framework-2026.json' with { type: 'json' };

/** The shared demo county framework (shared/domain/indicators/demo-county-framework-2026.json). */
export const DEMO_FRAMEWORK = framework as unknown as IndicatorFramework;
