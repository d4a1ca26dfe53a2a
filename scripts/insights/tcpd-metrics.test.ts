import { describe, expect, it } from 'vitest';
import { covering, f1Score } from './tcpd-metrics';

// Known values from shared/data/README.md (the TCPD reference implementation's own tests).
describe('TCPD F1', () => {
  it('scores predictions that match every annotator', () => {
    expect(f1Score({ 1: [10, 20], 2: [11, 20], 3: [10], 4: [0, 5] }, [10, 20])).toBeCloseTo(1.0, 12);
  });

  it('scores one match against disagreeing annotators', () => {
    expect(f1Score({ 1: [], 2: [10], 3: [50] }, [10])).toBeCloseTo(0.9090909090909091, 12);
  });

  it('scores the zero baseline', () => {
    expect(f1Score({ 1: [], 2: [10], 3: [50] }, [])).toBeCloseTo(0.8, 12);
  });

  it('lets one prediction match one true point only', () => {
    // Union {0, 10, 12}; predictions {0, 11}: 11 matches one of 10 and 12, so P = 2/2;
    // the annotator's recall is 2/3 (0 and one of 10, 12), F1 = 2·1·(2/3) / (5/3) = 0.8.
    expect(f1Score({ 1: [10, 12] }, [11])).toBeCloseTo(0.8, 12);
  });
});

describe('TCPD covering', () => {
  it('matches the README value for two predicted changes', () => {
    expect(covering({ 1: [10, 20], 2: [10], 3: [0, 5] }, [10, 20], 45)).toBeCloseTo(0.7962962962962963, 12);
  });

  it('matches the README value for one predicted change', () => {
    expect(covering({ 1: [], 2: [10], 3: [40] }, [10], 45)).toBeCloseTo(0.7954144620811286, 12);
  });

  it('matches the README value for no predicted change', () => {
    expect(covering({ 1: [], 2: [10], 3: [40] }, [], 45)).toBeCloseTo(0.8189300411522634, 12);
  });
});
