import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return node.values.map(literal);
    default:
      return null;
  }
}

/** A plain JSON value (objects keyed by date, answer maps); shape is validated by the service. */
const GraphQLJSON = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literal,
});

export default GraphQLJSON;
