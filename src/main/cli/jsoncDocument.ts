import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** Why a JSON-with-comments text can't be read, with where (line and column, from 1). */
export class JsoncError extends Error {}

/**
 * Reads JSON with comments (and trailing commas) as a user's editor writes it: a leading UTF-8 byte
 * order mark is ignored, a key given twice in one object is an error (JSON would keep the last one
 * without a word), and every key becomes an own property, `__proto__` too, so the schema names it
 * instead of it reaching the object's prototype. jsonc-parser's tree is walked here for these three.
 */
export function parseJsoncDocument(content: string): unknown {
  const text = content.replace(/^\uFEFF/, '');
  const line = (offset: number) => text.slice(0, offset).split('\n').length;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const { error, offset } = errors[0];
    const column = offset - text.lastIndexOf('\n', offset - 1);
    throw new JsoncError(
      `is not valid JSON: ${printParseErrorCode(error)} at line ${line(offset)}, column ${column}`,
    );
  }

  function valueOf(node: Node, path: readonly string[]): unknown {
    if (node.type === 'array') return (node.children ?? []).map((child) => valueOf(child, path));
    if (node.type !== 'object') return node.value;
    const object: Record<string, unknown> = {};
    const seenAt = new Map<string, number>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      const key = String(keyNode.value);
      const first = seenAt.get(key);
      if (first !== undefined) {
        const name = [...path, key].join('.');
        throw new JsoncError(
          `gives ${name} twice (lines ${line(first)} and ${line(keyNode.offset)}): keep one.`,
        );
      }
      seenAt.set(key, keyNode.offset);
      const value = valueNode && valueOf(valueNode, [...path, key]);
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
  // No tree comes only with an error (ValueExpected), reported above.
  return tree && valueOf(tree, []);
}
