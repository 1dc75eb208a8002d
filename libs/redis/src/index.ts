export {
  type RedisRole,
  type RoleRedisOptions,
  createRedisClient,
  reconnectDelay,
  redisOptions,
} from './redis-clients.js';
