import type { APIClient } from '@nocobase/client';
import React, { useEffect, useState, type ReactNode } from 'react';
import { grantedActions } from './granted';

/**
 * Renders its button once the signed-in role is known to have the action it calls
 * (`mq_problems:assign`, …): no button that would only answer "No permissions".
 */
export function GrantedButton({ api, action, children }: { api: APIClient; action: string; children: ReactNode }) {
  const [allowed, setAllowed] = useState<boolean>();
  useEffect(() => {
    let live = true;
    grantedActions(api).then((can) => live && setAllowed(can(action)));
    return () => {
      live = false;
    };
  }, [api, action]);
  return allowed ? <>{children}</> : null;
}
