import type { GradeBand } from './template.types.js';

/** The first band, ordered from best, whose `min` the (rounded) score reaches. */
export function gradeFor(bands: readonly GradeBand[], score: number): GradeBand {
  return bands.find((band) => score >= band.min) ?? failBand(bands);
}

/** The lowest band; validation guarantees it is FAIL with min 0. A veto hit always lands here. */
export function failBand(bands: readonly GradeBand[]): GradeBand {
  const last = bands[bands.length - 1];
  if (!last) throw new RangeError('a template needs at least one grade band');
  return last;
}
