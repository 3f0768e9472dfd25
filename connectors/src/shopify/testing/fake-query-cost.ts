import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * A query's requested cost as Shopify computes it before running it
 * (shopify.dev, "GraphQL Admin API rate limits" → cost calculation): scalars and enums
 * 0, objects 1, a connection 2 plus its page size times the cost of one node, each
 * mutation field 10. Plain (non-connection) lists are charged as one object.
 */
export function requestedQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  if (operation.operation === 'mutation') {
    return operation.selectionSet.selections.filter(
      (selection) => selection.kind === Kind.FIELD && included(selection.directives, variables),
    ).length * 10;
  }
  const root = schema.getQueryType();
  if (!root) return 0;
  return selectionCost(root, operation.selectionSet, { schema, fragments, variables });
}

interface Context {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function selectionCost(type: GraphQLCompositeType, selectionSet: SelectionSetNode, context: Context): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (!included(selection.directives, context.variables)) continue;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? context.schema.getType(selection.typeCondition.name.value) : type;
      if (condition && isCompositeType(condition)) cost += selectionCost(condition, selection.selectionSet, context);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = context.fragments.get(selection.name.value);
      const condition = fragment && context.schema.getType(fragment.typeCondition.name.value);
      if (fragment && condition && isCompositeType(condition)) cost += selectionCost(condition, fragment.selectionSet, context);
      continue;
    }
    const field = fieldOf(type, selection.name.value);
    if (!field || !selection.selectionSet) continue;
    const fieldType = getNamedType(field.type);
    if (isLeafType(fieldType) || !isCompositeType(fieldType)) continue;
    if (fieldType.name.endsWith('Connection')) {
      const size = intArgument(field, selection.arguments ?? [], 'first', context) ?? intArgument(field, selection.arguments ?? [], 'last', context) ?? 0;
      cost += 2 + size * connectionNodeCost(fieldType, selection.selectionSet, context);
    } else {
      cost += 1 + selectionCost(fieldType, selection.selectionSet, context);
    }
  }
  return cost;
}

/** The cost of one node of a connection, however it is selected (edges.node or nodes). */
function connectionNodeCost(connection: GraphQLCompositeType, selectionSet: SelectionSetNode, context: Context): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
    const field = fieldOf(connection, selection.name.value);
    if (!field) continue;
    const fieldType = getNamedType(field.type);
    if (!isCompositeType(fieldType)) continue;
    if (selection.name.value === 'nodes') cost += 1 + selectionCost(fieldType, selection.selectionSet, context);
    if (selection.name.value === 'edges') {
      for (const edgeSelection of selection.selectionSet.selections) {
        if (edgeSelection.kind !== Kind.FIELD || edgeSelection.name.value !== 'node' || !edgeSelection.selectionSet) continue;
        const nodeField = fieldOf(fieldType, 'node');
        const nodeType = nodeField && getNamedType(nodeField.type);
        if (nodeType && isCompositeType(nodeType)) cost += 1 + selectionCost(nodeType, edgeSelection.selectionSet, context);
      }
    }
  }
  return cost;
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function intArgument(
  field: GraphQLField<unknown, unknown>,
  args: readonly { name: { value: string }; value: ValueNode }[],
  name: string,
  context: Context,
): number | null {
  const node = args.find((arg) => arg.name.value === name);
  const value = node ? literal(node.value, context.variables) : field.args.find((arg) => arg.name === name)?.defaultValue;
  return typeof value === 'number' ? value : null;
}

function literal(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number.parseInt(node.value, 10);
  if (node.kind === Kind.BOOLEAN) return node.value;
  return undefined;
}

function included(directives: readonly DirectiveNode[] | undefined, variables: Record<string, unknown>): boolean {
  for (const directive of directives ?? []) {
    const condition = directive.arguments?.find((arg) => arg.name.value === 'if');
    const value = condition ? literal(condition.value, variables) : undefined;
    if (directive.name.value === 'include' && value === false) return false;
    if (directive.name.value === 'skip' && value === true) return false;
  }
  return true;
}
