import { describe, expect, it } from 'vitest';
import { parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { selectsField } from './graphql-selection.js';

/** The info of the first field of the operation's first field (e.g. `variants` under `product`). */
function infoOf(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  const root = operation.selectionSet.selections[0] as FieldNode;
  const field = root.selectionSet!.selections.find((s): s is FieldNode => s.kind === 'Field')!;
  return { fieldNodes: [field], fragments };
}

describe('selectsField', () => {
  it('finds a field asked directly, under an alias too, and not a field asked deeper down', () => {
    expect(selectsField(infoOf('{ product { variants { id options { name } } } }'), 'options')).toBe(true);
    expect(selectsField(infoOf('{ product { variants { id chosen: options { name } } } }'), 'options')).toBe(true);
    expect(selectsField(infoOf('{ product { variants { id price { amount } } } }'), 'options')).toBe(false);
    expect(selectsField(infoOf('{ product { variants { id product { options { name } } } } }'), 'options')).toBe(false);
  });

  it('finds a field asked in an inline fragment or a named one, nested or repeated', () => {
    expect(selectsField(infoOf('{ product { variants { ... on ProductVariant { options { name } } } } }'), 'options')).toBe(true);
    expect(selectsField(infoOf('{ product { variants { ...V } } } fragment V on ProductVariant { ...W } fragment W on ProductVariant { options { name } }'), 'options')).toBe(true);
    expect(selectsField(infoOf('{ product { variants { ...V ...V } } } fragment V on ProductVariant { id }'), 'options')).toBe(false);
  });

  it('counts a field under @skip or @include as asked', () => {
    expect(selectsField(infoOf('query($s: Boolean!) { product { variants { options @skip(if: $s) { name } } } }'), 'options')).toBe(true);
  });
});
