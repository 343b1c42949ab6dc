import { ActionModel, ActionSceneEnum } from '@nocobase/client';
import { stepModels } from './stepModels';

/**
 * The step buttons of the admin client (`/admin`); the modern client (`/v`, the mobile layout)
 * makes the same from its own ActionModel (../../client-v2).
 */
export const PROBLEM_STEP_MODELS = stepModels(ActionModel, ActionSceneEnum);
