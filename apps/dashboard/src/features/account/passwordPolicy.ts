/**
 * The API's password rule (libs/common `passwordWeakness`), checked here too so the user gets
 * Chinese feedback while typing instead of the server's English reason after submitting.
 * The server stays authoritative; keep the two in step.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const CHARACTER_CLASSES = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/];

export function meetsCharacterMix(password: string): boolean {
  return CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length >= 3;
}
