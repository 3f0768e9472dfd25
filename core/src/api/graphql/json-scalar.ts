import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** Facts and rules are open-ended records; they pass through as JSON. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables ?? undefined),
});
