export * from './common';
export * from './accounts';
export * from './scheduling';
export * from './bookings';
export * from './errors';
export * from './blueprint';
export * from './conversations';
export * from './assistant';
