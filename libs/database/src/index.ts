export { DatabaseModule, EmbeddedDatabaseHolder, MIGRATIONS } from './database.module.js';
export { TransactionRunner } from './transaction-runner.js';
export { EmbeddedDatabase } from './embedded-database.js';
export { DataDirLock, DataDirLockedError } from './data-dir-lock.js';
export { connectionOptions, type ConnectionInput } from './connection-options.js';
export { SnakeNamingStrategy } from './snake-naming.strategy.js';
export { returning } from './returning.js';
export { useCalendarDateStrings } from './pg-types.js';
