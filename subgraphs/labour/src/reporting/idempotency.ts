/** Reports, budget lines and task-progress entries share the subgraph's one idempotency mechanism. */
export { idempotent } from '@qn/common';
