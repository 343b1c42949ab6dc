export * from './settings';
export * from './flags';
export * from './proactive';
export * from './group';
