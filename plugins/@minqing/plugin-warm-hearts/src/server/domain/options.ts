import type { Option } from '@minqing/plugin-three-lists';

export const PROJECT_STATUS_OPTIONS: Option[] = [
  { value: 'planned', label: 'Planned', color: 'default' }, // 未启动
  { value: 'in_progress', label: 'In progress', color: 'processing' }, // 推进中
  { value: 'done', label: 'Completed', color: 'green' }, // 已完成
];

/** 宣讲对象 */
export const AUDIENCE_OPTIONS: Option[] = [
  { value: 'teachers', label: 'Teachers' },
  { value: 'students', label: 'Students' },
  { value: 'parents', label: 'Parents' },
  { value: 'enterprises', label: 'Enterprises' },
  { value: 'communities', label: 'Communities' },
];

/** 孤儿、残疾学生、患有精神疾病学生 */
export const CARE_KIND_OPTIONS: Option[] = [
  { value: 'orphan', label: 'Orphan' },
  { value: 'disability', label: 'Student with a disability' },
  { value: 'mental_illness', label: 'Student with a mental illness' },
  { value: 'other', label: 'Other difficulty' },
];
