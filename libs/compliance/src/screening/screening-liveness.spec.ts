import { ScreeningState } from '../entities/compliance-round.entity.js';
import { SCREENING_STALE_MS, screeningIsLive } from './screening-liveness.js';

describe('screeningIsLive', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('should hold a queued or running screen with a recent sign of life as live', () => {
    for (const screening of [ScreeningState.QUEUED, ScreeningState.RUNNING])
      expect(screeningIsLive({ screening, screeningHeartbeatAt: ago(SCREENING_STALE_MS - 1000) }, now)).toBe(true);
  });

  it('should take a screen silent for longer than the timeout, or never heard of, for dead', () => {
    for (const screening of [ScreeningState.QUEUED, ScreeningState.RUNNING]) {
      expect(screeningIsLive({ screening, screeningHeartbeatAt: ago(SCREENING_STALE_MS) }, now)).toBe(false);
      expect(screeningIsLive({ screening, screeningHeartbeatAt: null }, now)).toBe(false);
    }
  });

  it('should never hold a finished, failed or unstarted screen as live', () => {
    for (const screening of [ScreeningState.NONE, ScreeningState.DONE, ScreeningState.FAILED])
      expect(screeningIsLive({ screening, screeningHeartbeatAt: now }, now)).toBe(false);
  });
});
