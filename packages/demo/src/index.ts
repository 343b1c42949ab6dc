export { loadBureau, loadDataset, settleBureau } from './load';
export type { BureauResult, LoadResult } from './load';
export { bureau } from './bureau';
export type { Bureau, BureauOptions, Person } from './bureau';
export { problemChunks, unitRows } from './dataset';
export type { DatasetOptions } from './dataset';
export { seeded } from './random';
