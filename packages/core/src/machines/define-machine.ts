import { UsherMisuseError } from '../errors.ts';

/**
 * A status machine: which actions are valid in which status, and which status may follow
 * which. `null` stands for "does not exist yet" (e.g. no sign-in attempt on the client).
 */
export interface Machine<S extends string, A extends string> {
  readonly name: string;
  readonly statuses: readonly S[];
  /** Actions allowed in a status. */
  actionsFor(status: S | null): readonly A[];
  can(status: S | null, action: A): boolean;
  /** Whether the server may move a resource from `from` to `to` (staying put is always allowed). */
  canTransition(from: S | null, to: S): boolean;
  /** A status nothing leaves. */
  isTerminal(status: S): boolean;
  /** Throws {@link UsherMisuseError} when `action` is not allowed in `status`. */
  assert(status: S | null, action: A): void;
}

export function defineMachine<S extends string, A extends string>(spec: {
  name: string;
  statuses: readonly S[];
  actions: { readonly [K in S | 'none']: readonly A[] };
  transitions: { readonly [K in S | 'none']: readonly S[] };
}): Machine<S, A> {
  const key = (status: S | null): S | 'none' => status ?? 'none';
  const machine: Machine<S, A> = {
    name: spec.name,
    statuses: Object.freeze([...spec.statuses]),
    actionsFor: (status) => spec.actions[key(status)] ?? [],
    can: (status, action) => (spec.actions[key(status)] ?? []).includes(action),
    canTransition: (from, to) => from === to || (spec.transitions[key(from)] ?? []).includes(to),
    isTerminal: (status) => (spec.transitions[status] ?? []).length === 0,
    assert(status, action) {
      if (!machine.can(status, action)) {
        const where = status === null ? 'before it was created' : `while its status is "${status}"`;
        throw new UsherMisuseError('status_invalid', `${spec.name}: ${action}() cannot be called ${where}.`);
      }
    },
  };
  return Object.freeze(machine);
}
