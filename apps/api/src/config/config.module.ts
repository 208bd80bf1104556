import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { ApiSettings } from './api-settings';

/** Injection token of the validated {@link ApiSettings}. */
export const API_SETTINGS = Symbol('API_SETTINGS');

/** Makes the settings read at start-up injectable everywhere; nothing else reads `process.env`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(settings: ApiSettings): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: API_SETTINGS, useValue: settings }],
      exports: [API_SETTINGS],
    };
  }
}
