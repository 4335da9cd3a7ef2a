/**
 * Every exported annotation passes all MUST assertions of the W3C Web Annotation test suite
 * (../shared/fixtures/web-annotation: annotationMusts.test with its draft-04 JSON Schemas).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { buildAnnotationCollection } from '../../../../shared/interop/webAnnotation';
import type { Project } from '../../../../shared/operations';
import { FIXTURES, fixedProject, GENERATED_AT, hostileProject, loadSample } from './helpers';

const SUITE = path.join(FIXTURES, 'web-annotation');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function makeValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // The suite's schemas use format "uri" and "date-time" (ajv-formats is not installed: small, strict checks).
  ajv.addFormat('uri', /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/);
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)));
  for (const name of readdirSync(path.join(SUITE, 'definitions'))) ajv.addSchema(readJson(path.join(SUITE, 'definitions', name)));
  const musts = readJson(path.join(SUITE, 'annotations', 'annotationMusts.test')) as { assertions: string[] };
  const assertions = musts.assertions.map((ref) => {
    const schema = readJson(path.join(SUITE, ref));
    return { ref, expected: schema.expectedResult !== 'invalid', validate: ajv.compile(schema) };
  });
  return assertions;
}

function annotationsOf(project: Project): Record<string, unknown>[] {
  const collection = buildAnnotationCollection(project, { generatedAt: GENERATED_AT });
  return (collection.first as { items: Record<string, unknown>[] }).items;
}

describe('W3C Web Annotation MUST assertions', () => {
  const assertions = makeValidator();

  it('loads all 54 MUST assertions of the suite', () => {
    expect(assertions).toHaveLength(54);
  });

  it('the harness tells the suite\'s correct samples from its incorrect ones', () => {
    const samples = (kind: string) => {
      const dir = path.join(SUITE, 'tools', 'samples', kind);
      return readdirSync(dir).flatMap((name) => {
        try {
          const value = readJson(path.join(dir, name));
          return value && typeof value === 'object' && !Array.isArray(value) ? [{ name, value }] : [];
        } catch {
          return []; // deliberately malformed JSON
        }
      });
    };
    const failsSome = ({ value }: { value: unknown }) => assertions.some((a) => a.validate(value) !== a.expected);
    // Correct Annotations (not collections), leaving out Composite/List/Independents targets, which the
    // suite's own 3.2-targetObjectsRecognized schema does not recognise.
    const correct = samples('correct').filter(
      ({ name, value }) => name.startsWith('anno') && !/"type":\s*"(Composite|List|Independents)"/.test(JSON.stringify((value as { target?: unknown }).target)),
    );
    expect(correct.length).toBeGreaterThan(0);
    expect(correct.filter(failsSome).map((s) => s.name)).toEqual([]);
    expect(samples('incorrect').filter(failsSome).length).toBeGreaterThan(0);
  });

  for (const [name, make] of [
    ['sample project', loadSample],
    ['hostile project', hostileProject],
    ['fixed project (article URL, tags, link locations)', fixedProject],
  ] as const) {
    it(`every annotation exported from the ${name} passes every MUST assertion`, () => {
      const annotations = annotationsOf(make());
      expect(annotations.length).toBeGreaterThan(0);
      let passed = 0;
      const failures: string[] = [];
      for (const [i, annotation] of annotations.entries()) {
        for (const a of assertions) {
          if (a.validate(annotation) === a.expected) passed++;
          else failures.push(`annotation ${i + 1}: ${a.ref}: ${JSON.stringify(a.validate.errors?.slice(0, 2))}`);
        }
      }
      console.log(`W3C MUST assertions (${name}): ${passed} of ${annotations.length * assertions.length} passed (${annotations.length} annotations × ${assertions.length} assertions)`);
      expect(failures).toEqual([]);
    });
  }
});
