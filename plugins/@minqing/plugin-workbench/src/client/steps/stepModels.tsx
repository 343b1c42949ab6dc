import type { ActionModel as AdminActionModel, ActionSceneEnum as Scenes } from '@nocobase/client';
import { escapeT } from '@nocobase/flow-engine';
import React from 'react';
import { stepModelName } from '../../server/domain/steps';
import { NS } from '../locale';
import { GrantedButton } from '../record-actions/GrantedButton';
import { StepForm } from './StepForm';
import { STEPS, type Step } from './steps';

/**
 * The request each step makes, as `roles:check` lists a role's actions: a step shows only to a
 * role that has it (no 交办 for a cadre); the server still decides the scope. 回访 records a revisit
 * (the planned one is updated with the same grant: leaders and the office have both), so a cadre,
 * who reads no revisits, sees none. 回复督办 answers a supervision addressed to me.
 */
export const STEP_PERMISSION: Record<string, string> = {
  assign: 'mq_problems:assign',
  accept: 'mq_problems:accept',
  reportProgress: 'mq_problems:reportProgress',
  complete: 'mq_problems:complete',
  revisit: 'mq_revisits:create',
  close: 'mq_problems:close',
  publish: 'mq_problems:publish',
  answerSupervision: 'mq_supervisions:respond',
};

/**
 * The same, as the modern client's flow engine checks it (`aclCheck`: an action on the row's
 * collection, mq_problems): a step acting on another collection is left to the server there.
 */
export const STEP_ACL_ACTION: Record<string, string | null> = Object.fromEntries(
  Object.entries(STEP_PERMISSION).map(([step, permission]) => {
    const [resource, action] = permission.split(':');
    return [step, resource === 'mq_problems' ? action : null];
  }),
);

/**
 * A button for one step of a problem's loop (交办, 接收, 报告进展, 办结, 回访, 销号, 公开), for
 * the row actions of any block showing problems. It shows only where the problem's status allows
 * the step and the user's role has the step's action; in UI-editor mode it always shows, so an
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
      if (designing) return super.render();
      if (!this.step.statuses.includes(status)) return null;
      if (this.step.shows && !this.step.shows((this.context as any).record ?? {})) return null;
      const button = super.render();
      if (options.acl) return button;
      const api = (this.context as any).api ?? (this.flowEngine as any)?.context?.api;
      if (!api) return button;
      return (
        <GrantedButton api={api} action={STEP_PERMISSION[this.step.key]}>
          {button}
        </GrantedButton>
      );
    }
  }

  // the modern client checks the role's action (no 交办 for a cadre); the admin client's check
  // also asks the row's allowedActions, which never list the loop's steps, and hid 接收 from the
  // responsible cadre (campaign.test): there the role's actions from `roles:check` decide (as
  // for our other record buttons) and the server still decides the scope (接收 on my problems)
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
