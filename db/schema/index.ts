export * from './enums';
export * from './tenancy';
export * from './consent';
export * from './capture';
export * from './signals';
export * from './records';
export * from './audit';
export * from './outreach';
