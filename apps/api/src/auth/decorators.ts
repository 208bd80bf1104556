import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from './principal';

export const PUBLIC_KEY = 'sal:public';
export const ROLES_KEY = 'sal:roles';
export const WEB_UI_KEY = 'sal:web-ui';

/** No token needed (health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * On the embedded defaults only (tokens signed with the development secret, which is public in the source and so
 * protects nothing), a request without a token is let through as the local Temporal Web UI, which cannot send one.
 * With a real secret or a JWKS the route needs a token like any other.
 */
export const OpenToLocalWebUi = () => SetMetadata(WEB_UI_KEY, true);

/** Only these roles may call the handler (403 otherwise). Without it, every authenticated role may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal);
