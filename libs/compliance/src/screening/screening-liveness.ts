import { ScreeningState } from '../entities/compliance-round.entity.js';

/** A queued or running screen without a sign of life for this long is taken for dead (its worker died) and may be queued again. */
export const SCREENING_STALE_MS = 10 * 60_000;

/** True while a round's screen is queued or running and has shown a sign of life within SCREENING_STALE_MS. */
export function screeningIsLive(round: { screening: ScreeningState; screeningHeartbeatAt: Date | null }, now: Date = new Date()): boolean {
  if (round.screening !== ScreeningState.QUEUED && round.screening !== ScreeningState.RUNNING) return false;
  return round.screeningHeartbeatAt !== null && now.getTime() - round.screeningHeartbeatAt.getTime() < SCREENING_STALE_MS;
}
