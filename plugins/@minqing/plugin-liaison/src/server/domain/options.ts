import type { Option } from '@minqing/plugin-three-lists';

/** 三进三联 and the other ways of going down; admin-editable */
export const VISIT_KIND_OPTIONS: Option[] = [
  { value: 'classroom', label: 'Classroom' }, // 进课堂
  { value: 'dormitory', label: 'Dormitory' }, // 进宿舍
  { value: 'canteen', label: 'Canteen' }, // 进食堂
  { value: 'window', label: 'Sitting at the window, walking the process' }, // 坐窗口走流程
  { value: 'forum', label: 'Forum' }, // 座谈
  { value: 'home_visit', label: 'Home visit' }, // 家访
  { value: 'squat', label: 'Staying on site' }, // 蹲点
  { value: 'other', label: 'Other' },
];

export const CONTACTED_OPTIONS: Option[] = [
  { value: 'teachers', label: 'Teachers' },
  { value: 'students', label: 'Students' },
  { value: 'parents', label: 'Parents' },
  { value: 'other', label: 'Others' },
];

export const RESEARCH_METHOD_OPTIONS: Option[] = [
  { value: 'squat', label: 'Staying on site' }, // 蹲点式
  { value: 'immersive', label: 'Immersive' }, // 沉浸式
  { value: 'special', label: 'Special topic' }, // 专项
];

/** 难点 / 堵点 / 痛点 */
export const PAIN_KIND_OPTIONS: Option[] = [
  { value: 'difficulty', label: 'Difficulty' },
  { value: 'blockage', label: 'Blockage' },
  { value: 'pain', label: 'Pain point' },
];
