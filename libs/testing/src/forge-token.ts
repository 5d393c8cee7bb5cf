/**
 * A token whose signature no longer matches: one character in the middle of the signature changed.
 * (Changing the last base64url character is not enough: its low bits are padding, so some edits
 * decode to the very same signature and the "forged" token is still valid.)
 */
export function forgeToken(token: string): string {
  const [header, payload, signature] = token.split('.');
  const i = Math.floor(signature.length / 2);
  const swapped = signature[i] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, i)}${swapped}${signature.slice(i + 1)}`;
}
