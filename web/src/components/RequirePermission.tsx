import type { ReactNode } from 'react';
import { can, useMe } from '../api/me';
import { ForbiddenPage } from './PageStates';

/** Renders the 403 page unless the signed-in person holds the permission. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const me = useMe();
  return can(me, permission) ? children : <ForbiddenPage />;
}
