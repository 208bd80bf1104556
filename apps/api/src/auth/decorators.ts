import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from './principal';

export const PUBLIC_KEY = 'sal:public';
export const ROLES_KEY = 'sal:roles';

/** No token needed (health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the handler (403 otherwise). Without it, every authenticated role may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal);
