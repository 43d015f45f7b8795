import { z } from 'zod';
import type { Role } from '../auth/roles.ts';

/**
 * ATENSI case stages: pendekatan awal → asesmen → rencana intervensi → intervensi →
 * resosialisasi → terminasi → bimbingan lanjut. `termination_requested` is the pending
 * closure a worker asks for and the centre head decides on, so every closed case carries
 * an approval. Transfer between centres is a separate flow, not a stage.
 */
export const caseStages = [
  'engagement',
  'assessment',
  'planning',
  'intervention',
  'resocialization',
  'termination_requested',
  'termination',
  'follow_up',
] as const;
export const caseStage = z.enum(caseStages);
export type CaseStage = z.infer<typeof caseStage>;

/** The working stages in order, where a case moves one step forward or back. */
export const workingStages = [
  'engagement',
  'assessment',
  'planning',
  'intervention',
  'resocialization',
] as const;

/** Stages from which closure may be requested: services have been given. */
export const terminableStages = ['intervention', 'resocialization'] as const satisfies readonly CaseStage[];

export const transitionKinds = [
  'forward',
  'back',
  'request_termination',
  'approve_termination',
  'reject_termination',
  'follow_up',
  'reopen',
] as const;
export type TransitionKind = (typeof transitionKinds)[number];

export type StageTransition = {
  from: CaseStage;
  to: CaseStage;
  kind: TransitionKind;
  roles: readonly Role[];
};

const workers: readonly Role[] = ['social_worker', 'center_head'];
const head: readonly Role[] = ['center_head'];

/**
 * Every permitted move. Closing goes only through `termination_requested`, even for the
 * centre head (who may then approve their own request): the approval is the record that
 * closes a case. A rejection returns to the stage the request came from, so it appears
 * once per terminable stage and `canTransition` checks it against `previous`.
 */
export const stageTransitions: readonly StageTransition[] = [
  ...workingStages.slice(0, -1).map((from, i) => ({
    from,
    to: workingStages[i + 1]!,
    kind: 'forward' as const,
    roles: workers,
  })),
  ...workingStages
    .slice(1)
    .map((from, i) => ({ from, to: workingStages[i]!, kind: 'back' as const, roles: workers })),
  ...terminableStages.map((from) => ({
    from,
    to: 'termination_requested' as const,
    kind: 'request_termination' as const,
    roles: workers,
  })),
  { from: 'termination_requested', to: 'termination', kind: 'approve_termination', roles: head },
  ...terminableStages.map((to) => ({
    from: 'termination_requested' as const,
    to,
    kind: 'reject_termination' as const,
    roles: head,
  })),
  { from: 'termination', to: 'follow_up', kind: 'follow_up', roles: workers },
  { from: 'termination', to: 'assessment', kind: 'reopen', roles: head },
  { from: 'follow_up', to: 'assessment', kind: 'reopen', roles: head },
];

export type TransitionContext = {
  /** For a case in `termination_requested`: the stage it was in when closure was asked. */
  previous?: CaseStage | null;
};

const findTransition = (from: CaseStage, to: CaseStage, role: Role, ctx: TransitionContext = {}) =>
  stageTransitions.find(
    (t) =>
      t.from === from &&
      t.to === to &&
      t.roles.includes(role) &&
      (t.kind !== 'reject_termination' || ctx.previous === to),
  );

export const canTransition = (
  from: CaseStage,
  to: CaseStage,
  role: Role,
  ctx: TransitionContext = {},
): boolean => findTransition(from, to, role, ctx) !== undefined;

/** What kind of move this is (for the audit text and notifications), or null when refused. */
export const transitionKind = (
  from: CaseStage,
  to: CaseStage,
  role: Role,
  ctx: TransitionContext = {},
): TransitionKind | null => findTransition(from, to, role, ctx)?.kind ?? null;

export const allowedNextStages = (from: CaseStage, role: Role, previous?: CaseStage | null): CaseStage[] =>
  caseStages.filter((to) => canTransition(from, to, role, { previous }));

/** Terminasi and bimbingan lanjut: services are over; only a reopening brings work back. */
export const isClosed = (stage: CaseStage): boolean => stage === 'termination' || stage === 'follow_up';
