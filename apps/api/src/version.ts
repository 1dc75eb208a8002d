/** Reported by health endpoints and logs; the constant lives in libs/metrics (shared with the worker). */
export { APP_VERSION } from '#libs/metrics';
