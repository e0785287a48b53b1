/**
 * Facts about frontmatter fields, read from the zod schemas' metadata (`.meta()`) so the
 * editors' guide, the check and the frontmatter writer never keep their own copies:
 * which keys hold dates, the id pattern, and each field's Vietnamese description.
 */
import { z } from 'zod';
import { documentFrontmatterSchema, ID_PATTERN } from './document.ts';
import { implementationFrontmatterSchema } from './implementation.ts';
import { courseFrontmatterSchema } from './course.ts';
import { issuerSchema, provinceSchema, topicSchema } from './registries.ts';

export { ID_PATTERN };

export interface JsonSchemaNode {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  anyOf?: JsonSchemaNode[];
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: JsonSchemaNode | boolean;
  required?: string[];
  default?: unknown;
  minItems?: number;
  format?: string;
  description?: string;
  /** From isoDate(): the value is a date. */
  date?: boolean;
}

/** The JSON Schema of a zod schema as an editor writes it (input side), metadata included. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchemaNode {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
}

function collectDateKeys(node: JsonSchemaNode | undefined, out: Set<string>): void {
  if (!node) return;
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (child.date || child.anyOf?.some((c) => c.date)) out.add(key);
    collectDateKeys(child, out);
  }
  for (const alt of node.anyOf ?? []) collectDateKeys(alt, out);
  collectDateKeys(node.items, out);
  if (typeof node.additionalProperties === 'object') collectDateKeys(node.additionalProperties, out);
}

/** Keys whose values are dates, in any content file or registry ("issued", "statusAsOf", "date" …). */
export const DATE_KEYS: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  for (const s of [documentFrontmatterSchema, implementationFrontmatterSchema, courseFrontmatterSchema, issuerSchema, provinceSchema, topicSchema]) {
    collectDateKeys(jsonSchemaOf(s), out);
  }
  return out;
})();
