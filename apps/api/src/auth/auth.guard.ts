import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '../common/api-errors';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { PUBLIC_KEY, ROLES_KEY, WEB_UI_KEY } from './decorators';
import type { Principal, Role } from './principal';

/** Who the audit log names for requests let through by `@OpenToLocalWebUi()`. */
const LOCAL_WEB_UI: Principal = { subject: 'temporal-web-ui', role: 'administrator', offices: 'all' };
import { TokenVerifier } from './token-verifier';

/** Every route needs a valid bearer token unless marked `@Public()`; `@Roles(...)` narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = ctx.switchToHttp().getRequest();
    if (!request.headers.authorization && this.settings.auth.developmentSecret && this.reflector.getAllAndOverride<boolean>(WEB_UI_KEY, targets)) {
      request.principal = LOCAL_WEB_UI;
      return true;
    }
    const principal = await this.verifier.verify(request.headers.authorization);
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) throw new ForbiddenError(`this needs one of the roles ${roles.join(', ')}`);
    return true;
  }
}
