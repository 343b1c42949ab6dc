import { ActionModel, ActionSceneEnum } from '@nocobase/client';
import { escapeT } from '@nocobase/flow-engine';
import React from 'react';
import { recordActionModelName } from '../../server/domain/record-actions';
import { NS } from '../locale';
import { StepForm } from '../steps/StepForm';
import type { Step } from '../steps/steps';
import { RECORD_ACTION_LIST, type RecordAction } from './actions';
import { GrantedButton } from './GrantedButton';
import { SimilarPanel } from './SimilarPanel';

/** `mq_work_style_flags:decide?filterByTk=1` → `mq_work_style_flags:decide` */
const actionOf = (url: string) => url.split('?')[0];

export class MqRecordActionModel extends ActionModel {
  static scene = ActionSceneEnum.record;
  static action: RecordAction;

  get action(): RecordAction {
    return (this.constructor as typeof MqRecordActionModel).action;
  }

  render() {
    const record = (this.context as any).record ?? {};
    const designing = (this.flowEngine as any)?.flowSettings?.enabled;
    if (designing) return super.render();
    if (!this.action.shows(record)) return null;
    const api = (this.context as any).api ?? (this.flowEngine as any)?.context?.api;
    const button = super.render();
    if (!api) return button;
    return (
      <GrantedButton api={api} action={actionOf(this.action.request(record, {}).url)}>
        {button}
      </GrantedButton>
    );
  }
}

function recordActionModel(action: RecordAction) {
  const Model = class extends MqRecordActionModel {
    static action = action;
    defaultProps: any = { children: escapeT(action.label, { ns: NS }), type: 'link' };
  };
  Model.define({ label: escapeT(action.label, { ns: NS }) });
  Model.registerFlow({
    key: 'mqRecordAction',
    title: escapeT(action.label, { ns: NS }),
    on: 'click',
    steps: {
      open: {
        async handler(ctx: any) {
          const record = ctx.model.context.record;
          const t = (key: string, options: Record<string, unknown> = {}) => ctx.t(key, { ns: NS, ...options });
          const name = record?.trackingCode ?? record?.code ?? record?.title ?? record?.studentName ?? record?.id;
          const done = async (view: any) => {
            view.close();
            ctx.message.success(t(action.done ?? '{{step}}: done', { step: t(action.label) }));
            await ctx.blockModel?.resource?.refresh?.();
          };
          ctx.viewer.dialog({
            title: `${t(action.label)} · ${name}`,
            content: (view: any) =>
              action.panel === 'similar' ? (
                <SimilarPanel
                  api={ctx.api}
                  t={t}
                  record={record}
                  onMerged={() => done(view)}
                  onClose={() => view.close()}
                />
              ) : (
                <StepForm
                  step={
                    {
                      ...action,
                      statuses: [],
                      request: (_id: unknown, values: Record<string, unknown>) => action.request(record, values),
                    } as unknown as Step
                  }
                  problemId={record?.id}
                  t={t}
                  api={ctx.api}
                  onCancel={() => view.close()}
                  onDone={() => done(view)}
                />
              ),
          });
        },
      },
    },
  });
  return Model;
}

/** `MqFlagConfirmActionModel`, …: one registered model per button, named in the page blueprints. */
export const RECORD_ACTION_MODELS: Record<string, typeof MqRecordActionModel> = Object.fromEntries(
  RECORD_ACTION_LIST.map((action) => [recordActionModelName(action.key), recordActionModel(action)]),
);
