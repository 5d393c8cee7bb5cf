import { Foundation1795315500000 } from './1795315500000-Foundation.js';
import { Findings1795316000000 } from './1795316000000-Findings.js';

/** Every migration in order. Add a new file and list it here (one line); never edit one that has landed. */
export const MIGRATIONS = [
  Foundation1795315500000,
  Findings1795316000000,
];
