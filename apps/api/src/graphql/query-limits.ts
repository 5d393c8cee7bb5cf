import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** Arguments that say how many items a list field returns; a missing one counts as the default page. */
const SIZE_ARGS = ['pageSize', 'first', 'last', 'limit', 'take'];
const DEFAULT_LIST_SIZE = 20;

interface Walk {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  seen: Set<string>;
}

function sizeOf(field: FieldNode, walk: Walk): number {
  for (const arg of field.arguments ?? []) {
    if (!SIZE_ARGS.includes(arg.name.value)) continue;
    if (arg.value.kind === Kind.INT) return Number(arg.value.value);
    if (arg.value.kind === Kind.VARIABLE) {
      const v = walk.variables[arg.value.name.value];
      if (typeof v === 'number') return v;
    }
    return DEFAULT_LIST_SIZE;
  }
  return 1;
}

/** Depth and cost of a selection set; fragments are expanded (cycles are GraphQL's own error). */
function measure(set: SelectionSetNode | undefined, walk: Walk, multiplier: number): { depth: number; cost: number } {
  if (!set) return { depth: 0, cost: 0 };
  let depth = 0;
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const size = selection.selectionSet ? sizeOf(selection, walk) : 1;
      const inner = measure(selection.selectionSet, walk, multiplier * size);
      depth = Math.max(depth, 1 + inner.depth);
      cost += multiplier + inner.cost;
    } else {
      let inner = { depth: 0, cost: 0 };
      if (selection.kind === Kind.INLINE_FRAGMENT) inner = measure(selection.selectionSet, walk, multiplier);
      else if (!walk.seen.has(selection.name.value) && walk.fragments[selection.name.value]) {
        walk.seen.add(selection.name.value);
        inner = measure(walk.fragments[selection.name.value].selectionSet, walk, multiplier);
        walk.seen.delete(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
  }
  return { depth, cost };
}

/**
 * Refuses operations nested deeper than `maxDepth` or costing more than `maxCost`, where each
 * field costs one per parent item and list fields multiply by their page size.
 */
export function queryLimitsRule(maxDepth: number, maxCost: number, variables: () => Record<string, unknown> = () => ({})) {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments = Object.fromEntries(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    return {
      OperationDefinition(node) {
        const { depth, cost } = measure(node.selectionSet, { fragments, variables: variables(), seen: new Set() }, 1);
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${maxDepth}`, { nodes: [node] }));
        }
        if (cost > maxCost) {
          context.reportError(new GraphQLError(`Query would cost ${cost}; the limit is ${maxCost}`, { nodes: [node] }));
        }
      },
    };
  };
}
