import licensingJson from './data/example-licensing-deduct100.json' with { type: 'json' };
import meeJson from './data/mee-penalty-general-2024.json' with { type: 'json' };

/** The shared rubrics (shared/domain/rubrics), shipped for the demo seed and first start. */
export const SHIPPED_RUBRICS: readonly unknown[] = [meeJson, licensingJson];
