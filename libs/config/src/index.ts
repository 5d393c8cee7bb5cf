export { AppConfig } from './app-config.js';
export { ConfigModule } from './config.module.js';
export { parseEnv, EnvError, ENV_SCHEMA, type Env, type RunMode } from './env.schema.js';
