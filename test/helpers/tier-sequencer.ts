import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Slowest tier first, so its long files start at once and the quick ones fill in around them. */
const RANK: Record<string, number> = { e2e: 0, integration: 1, "unit-isolated": 2, unit: 3 };

/**
 * vitest's order (failed first, then slowest first) within each tier, the tiers one after the
 * other in the queue: a worker of a project that shares its module cache (`isolate: false`) is
 * reused only while the next file in the queue belongs to the same project.
 */
export default class TierSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => RANK[file.project.name] ?? Number.MAX_SAFE_INTEGER;
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
