import { existsSync } from 'node:fs';
import path from 'node:path';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { ApiSettings } from '../config/api-settings';
import { ConsoleConfigController, DevelopmentSignInController } from './console.controller';

/**
 * Where the console's built files are (apps/console/dist, beside this app's dist), or null when it has not been built.
 * Found by path, not imported: the API only serves those files. (@sal/console is a dependency of @sal/api so that Nx
 * builds it first.)
 */
export function consoleDistDir(): string | null {
  const dir = path.resolve(__dirname, '..', '..', '..', 'console', 'dist');
  return existsSync(path.join(dir, 'index.html')) ? dir : null;
}

/** Where the API serves the console, and the prefix of its own routes (`/console/config`, `/console/dev-token`). */
export const CONSOLE_PATH = '/console';

/**
 * The console, served by the API process itself under `/console/` when its files are built (`npm run build`: Nx builds
 * @sal/console before the API): its files, and `index.html` for every other path under `/console/` (client routes).
 * API routes, including `/console/config`, are registered before the static files and win.
 */
@Module({})
export class ConsoleModule {
  static forRoot(settings: ApiSettings): DynamicModule {
    const dist = consoleDistDir();
    if (!dist) new Logger('Console').warn('the console is not built (apps/console/dist): build it with `npm run build` to serve it at /console/');
    return {
      module: ConsoleModule,
      imports: dist
        ? [
            ServeStaticModule.forRoot({
              rootPath: dist,
              serveRoot: CONSOLE_PATH,
              renderPath: '/{*path}',
              // A missing asset is a 404, not the page.
              exclude: /^\/console\/assets\//,
            }),
          ]
        : [],
      controllers: settings.auth.developmentSecret ? [ConsoleConfigController, DevelopmentSignInController] : [ConsoleConfigController],
    };
  }
}
