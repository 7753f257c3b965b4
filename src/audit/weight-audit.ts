/**
 * Weight-level claims (docs/design.md §5, issues C and G): twins hold the same weights, the declared
 * parent is the one the weights point to, frozen tensors equal the parent's and trained ones do
 * not, and experiments recorded as different are not the same weights. Pure given its inputs:
 * tensor statistics come from the injected `diff`. Each step lives in its own module.
 */
import { auditLineage } from './lineage-audit.ts'
import { auditNearDuplicates } from './near-duplicate-audit.ts'
import { auditTwins } from './twin-audit.ts'
import type { Finding } from './findings.ts'
import { createContext, type WeightAudit, type WeightInputs } from './weight-context.ts'

export { NEAR_DUPLICATE_BUDGET_BYTES } from './near-duplicate-audit.ts'
export type { LineageEdge, Opened, PairResult, TensorDetail, WeightAudit, WeightInputs } from './weight-context.ts'

export async function auditWeights(input: WeightInputs): Promise<WeightAudit> {
  const audit: WeightAudit = { findings: [], pairs: [], lineage: [], details: [], nearDuplicatesChecked: false }
  if (input.checks.weights === 'never') {
    audit.findings.push(...claimsNotChecked(input))
    return audit
  }
  const ctx = createContext(input, audit)
  ctx.prefetchFingerprints()
  await auditTwins(ctx)
  await auditLineage(ctx)
  await auditNearDuplicates(ctx)
  return audit
}

/** With `weights: never`, each experiment's weight claims are unverified, and say so (an error under --strict). */
function claimsNotChecked(input: WeightInputs): Finding[] {
  return input.manifest.experiments.flatMap(e => {
    const claims = [
      ...(e.twins.length > 0 ? ['twins'] : []), ...(e.parent !== undefined ? ['parent'] : []),
      ...(e.frozen.length > 0 ? ['frozen'] : []), ...(e.trained.length > 0 ? ['trained'] : []),
    ]
    return claims.length === 0 ? [] : [{
      experiment: e.name, checkpoint: e.checkpoint.display, location: e.location, code: 'weights-unchecked' as const,
      severity: input.checks.unverified, message: `weight claims not checked (${claims.join(', ')}): checks.weights is never`,
    }]
  })
}
