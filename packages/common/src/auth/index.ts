export * from './identity';
export * from './internal-token';
export * from './internal-keys';
export * from './access';
export * from './tokens';
export * from './scope';
export * from './personal-data';
