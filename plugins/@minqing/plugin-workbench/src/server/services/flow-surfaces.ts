import type Application from '@nocobase/server';

/**
 * flow-engine's page builder, the one behind `POST /api/flowSurfaces:applyBlueprint`. Its class is
 * not exported from the package index, so it is reached by path; pinned by our NocoBase version.
 */
export function flowSurfaces(app: Application) {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { FlowSurfacesService } = require('@nocobase/plugin-flow-engine/dist/server/flow-surfaces/service');
  return new FlowSurfacesService(app.pm.get('flow-engine'));
}
