/** Default GitHub labels plus a few custom ones (with unicode) for every generated repository. */
import type { SimLabel, SimMilestone } from '../store/types.js';
import { nodeId } from '../util/ids.js';
import type { IdCounters } from './ids.js';
import { nextId } from './ids.js';

const LABELS: readonly [string, string, string, boolean][] = [
  ['bug', 'd73a4a', "Something isn't working", true],
  ['documentation', '0075ca', 'Improvements or additions to documentation', true],
  ['duplicate', 'cfd3d7', 'This issue or pull request already exists', true],
  ['enhancement', 'a2eeef', 'New feature or request', true],
  ['good first issue', '7057ff', 'Good for newcomers', true],
  ['help wanted', '008672', 'Extra attention is needed', true],
  ['invalid', 'e4e669', "This doesn't seem right", true],
  ['question', 'd876e3', 'Further information is requested', true],
  ['wontfix', 'ffffff', 'This will not be worked on', true],
  ['priority: high', 'b60205', 'Fix before the next release', false],
  ['🚀 release', '0e8a16', 'Tracked for the release <v2>', false],
  ['área/前端', 'c5def5', '', false],
];

export function defaultLabels(repoId: number, counters: IdCounters): SimLabel[] {
  return LABELS.map(([name, color, description, isDefault]) => {
    const id = nextId(counters, 'label');
    return { id, node_id: nodeId('LA', repoId, id), name, color, description, default: isDefault };
  });
}

export function defaultMilestones(counters: IdCounters): SimMilestone[] {
  return ['v1.0', 'v2.1', 'Backlog 🗂️'].map((title, index) => ({
    id: nextId(counters, 'milestone'),
    number: index + 1,
    title,
    state: index === 0 ? 'closed' : 'open',
  }));
}
