export * from './src/server/domain';
