import type { ActionModel as AdminActionModel, ActionSceneEnum as Scenes } from '@nocobase/client';
import { escapeT } from '@nocobase/flow-engine';
import React from 'react';
import { stepModelName } from '../../server/domain/steps';
import { NS } from '../locale';
import { StepForm } from './StepForm';
import { STEPS, type Step } from './steps';

/**
 * The action a step needs on the row's collection, as NocoBase's ACL names it: the button hides
 * itself (the flow engine's own `aclCheck`) for a role without it — no 交办 for a cadre. 回访
 * creates an `mq_revisits` record and is checked by the server (only related leaders).
 */
export const STEP_ACL_ACTION: Record<string, string | null> = {
  assign: 'assign',
  accept: 'accept',
  reportProgress: 'reportProgress',
  complete: 'complete',
  revisit: null,
  close: 'close',
  publish: 'publish',
  // mq_supervisions:respond, checked by the server (supervisions addressed to me)
  answerSupervision: null,
};

/**
 * A button for one step of a problem's loop (交办, 接收, 报告进展, 办结, 回访, 销号, 公开), for
 * the row actions of any block showing problems. It shows only where the problem's status allows
 * the step and the user's role may take it; in UI-editor mode it always shows, so an
 * administrator can move or remove it. Made from the ActionModel of the client runtime it runs in
 * (the admin client and the modern client each have theirs).
 */
export function stepModels(
  ActionModel: typeof AdminActionModel,
  ActionSceneEnum: typeof Scenes,
  options: { touch?: boolean; acl?: boolean } = {},
) {
  // on a phone a finger needs 44 px (the modern client renders the mobile layout)
  const size = options.touch ? { style: { minHeight: 44, minWidth: 44 } } : {};
  class ProblemStepActionModel extends ActionModel {
    static scene = ActionSceneEnum.record;
    static step: Step;

    get step(): Step {
      return (this.constructor as typeof ProblemStepActionModel).step;
    }

    render() {
      const status = (this.context as any).record?.status;
      const designing = (this.flowEngine as any)?.flowSettings?.enabled;
      if (!designing && !this.step.statuses.includes(status)) return null;
      if (!designing && this.step.shows && !this.step.shows((this.context as any).record ?? {})) return null;
      return super.render();
    }
  }

  // the modern client checks the role's action (no 交办 for a cadre); the admin client's check
  // also asks the row's allowedActions, which never list the loop's steps, and hid 接收 from the
  // responsible cadre (campaign.test): there the status alone decides, as before
  if (options.acl) {
    (ProblemStepActionModel.prototype as any).getAclActionName = function (this: ProblemStepActionModel) {
      return STEP_ACL_ACTION[this.step.key] ?? null;
    };
  }

  function stepModel(step: Step) {
    const Model = class extends ProblemStepActionModel {
      static step = step;
      defaultProps: any = {
        children: escapeT(step.label, { ns: NS }),
        type: options.touch && step.primary ? 'primary' : 'link',
        ...size,
      };
    };
    Model.define({ label: escapeT(step.label, { ns: NS }) });
    Model.registerFlow({
      key: 'problemStep',
      title: escapeT(step.label, { ns: NS }),
      on: 'click',
      steps: {
        open: {
          async handler(ctx: any) {
            const record = ctx.model.context.record;
            const t = (key: string, options: Record<string, unknown> = {}) => ctx.t(key, { ns: NS, ...options });
            ctx.viewer.dialog({
              title: `${t(step.label)} · ${record?.code ?? record?.title ?? record?.id}`,
              content: (view: any) => (
                <StepForm
                  step={step}
                  problemId={record.id}
                  t={t}
                  api={ctx.api}
                  onCancel={() => view.close()}
                  onDone={async () => {
                    view.close();
                    ctx.message.success(t('{{step}}: done', { step: t(step.label) }));
                    await ctx.blockModel?.resource?.refresh?.();
                  }}
                />
              ),
            });
          },
        },
      },
    });
    return Model;
  }

  /** `MqProblemAssignActionModel`, …: one registered model per step, named in the page blueprints. */
  return Object.fromEntries(STEPS.map((step) => [stepModelName(step.key), stepModel(step)])) as Record<
    string,
    typeof ProblemStepActionModel
  >;
}
