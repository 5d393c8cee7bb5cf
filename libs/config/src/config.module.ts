import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from './app-config.js';

/** Provides the one AppConfig, built by the entrypoint (which needs it before Nest starts). */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = new AppConfig()): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
