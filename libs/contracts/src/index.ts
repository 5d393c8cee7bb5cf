export * from './roles.js';
export * from './org.js';
export * from './errors.js';
export * from './events.js';
export * from './findings.js';
