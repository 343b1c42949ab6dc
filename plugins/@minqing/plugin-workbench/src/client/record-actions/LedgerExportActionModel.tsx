import { LEDGER_COLUMNS } from '@minqing/plugin-three-lists/client';
import { ActionModel, ActionSceneEnum } from '@nocobase/client';
import { escapeT } from '@nocobase/flow-engine';
import { recordActionModelName } from '../../server/domain/record-actions';
import { NS } from '../locale';
import { COLLECTION_ACTION_LABELS } from './actions';

const THREE_LISTS = '@minqing/plugin-three-lists';
const LABEL = COLLECTION_ACTION_LABELS.ledgerExport;

/**
 * 导出工作台账: NocoBase's own export (`mq_problems:export`, plugin-action-export, under the role's
 * ACL scope) asked for the core's LEDGER_COLUMNS, titled in the user's language, saved as a workbook.
 */
export class MqLedgerExportActionModel extends ActionModel {
  static scene = ActionSceneEnum.collection;
  defaultProps: any = { children: escapeT(LABEL, { ns: NS }), icon: 'DownloadOutlined' };
}

MqLedgerExportActionModel.define({ label: escapeT(LABEL, { ns: NS }) });
MqLedgerExportActionModel.registerFlow({
  key: 'mqLedgerExport',
  title: escapeT(LABEL, { ns: NS }),
  on: 'click',
  steps: {
    download: {
      async handler(ctx: any) {
        const t = (key: string, ns = NS) => ctx.t(key, { ns });
        const title = `${t('Work ledger')}-${new Date().toISOString().slice(0, 10)}`;
        const columns = LEDGER_COLUMNS.map((c) => ({ ...c, title: t(c.defaultTitle, THREE_LISTS) }));
        try {
          const response = await ctx.api.request({
            url: `mq_problems:export?title=${encodeURIComponent(title)}`,
            method: 'post',
            data: { columns },
            responseType: 'blob',
            skipNotify: true,
          });
          const url = URL.createObjectURL(new Blob([response.data]));
          const link = document.createElement('a');
          link.href = url;
          link.download = `${title}.xlsx`;
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        } catch (e: any) {
          ctx.message.error(e?.response?.data?.errors?.[0]?.message ?? t('The work ledger could not be exported'));
        }
      },
    },
  },
});

export const COLLECTION_ACTION_MODELS = { [recordActionModelName('ledgerExport')]: MqLedgerExportActionModel };
