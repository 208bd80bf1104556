import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { ForbiddenError } from '../common/api-errors';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { AuditService } from '../audit/audit.service';
import { PUBLIC_KEY, ROLES_KEY, WEB_UI_KEY } from './decorators';
import type { Principal, Role } from './principal';
import { TokenVerifier } from './token-verifier';

/** Who the audit log names for requests let through by `@OpenToLocalWebUi()`. */
const LOCAL_WEB_UI: Principal = { subject: 'temporal-web-ui', role: 'administrator', offices: 'all' };

/**
 * Every route needs a valid bearer token unless marked `@Public()`; `@Roles(...)` narrows who may call it. A caller
 * refused for their role (403) is recorded in the audit log here: guards run before the audit interceptor.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');
  private audit: AuditService | null = null;

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = ctx.switchToHttp().getRequest();
    if (!request.headers.authorization && this.localWebUiAllowed() && this.reflector.getAllAndOverride<boolean>(WEB_UI_KEY, targets)) {
      request.principal = LOCAL_WEB_UI;
      return true;
    }
    const principal = await this.verifier.verify(request.headers.authorization);
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      const refusal = new ForbiddenError(`this needs one of the roles ${roles.join(', ')}`);
      const audit = this.auditService();
      if (audit) void audit.record(audit.subjectOf(principal, request), refusal.status);
      throw refusal;
    }
    return true;
  }

  /**
   * The token-less mode of the local Web UI: only on the embedded defaults, where both the JWT secret and the payload
   * key are the development ones (public in the source, so neither a token nor the encryption protects anything).
   * A real secret, a JWKS, or real payload keys, and a token is needed like everywhere else.
   */
  private localWebUiAllowed(): boolean {
    return this.settings.auth.developmentSecret && this.settings.developmentPayloadKey;
  }

  private auditService(): AuditService | null {
    if (!this.audit) {
      try {
        this.audit = this.moduleRef.get(AuditService, { strict: false });
      } catch (error) {
        this.logger.error(`the audit log is not available to the guard: ${(error as Error).message}`);
      }
    }
    return this.audit;
  }
}
