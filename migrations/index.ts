import { Foundation1795315500000 } from './1795315500000-Foundation.js';

/** Every migration in order. Add a new file and list it here; never edit one that has landed. */
export const MIGRATIONS = [Foundation1795315500000];
