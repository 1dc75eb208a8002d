import type { SimStore } from '../../store/store.js';
import type { Args } from '../params.js';
import type { ToolResult } from '../result.js';
import type { Upstream } from '../upstream.js';

export interface ToolCall {
  args: Args;
  up: Upstream;
  store: SimStore;
}

export type ToolHandler = (call: ToolCall) => ToolResult;
