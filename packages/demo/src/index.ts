export { loadDataset } from './load';
export type { LoadResult } from './load';
export { problemChunks, unitRows } from './dataset';
export type { DatasetOptions } from './dataset';
export { seeded } from './random';
