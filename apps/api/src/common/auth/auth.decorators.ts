import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../modules/accounts/models/role.enum.js';

export const AUTH_METADATA = 'karya:auth';

/** Signed-in callers only; with roles, only those holding one of them. */
export const Authenticated = (...roles: Role[]) => SetMetadata(AUTH_METADATA, roles);
