import { describe, expect, it } from 'vitest';
import { FLAVOUR_IDENTITY } from '../../build/flavour';
import { E2E_PRODUCT_NAME } from '../../src/main/node/launch-guard';
import { PRODUCT_NAME } from '../../src/shared/product';

// The launch guard tells the e2e build from the release by its product name: the names
// the builder gives each flavour must be the ones it knows.

describe('flavour names', () => {
  it('match what the launch guard knows', () => {
    expect(E2E_PRODUCT_NAME).toBe(FLAVOUR_IDENTITY.e2e.productName);
    expect(PRODUCT_NAME).toBe(FLAVOUR_IDENTITY.release.productName);
  });
});
