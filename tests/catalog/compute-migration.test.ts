import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  COMPUTE_CLUSTER_TYPE,
  CROSS_REGION_CLUSTER_SUPPORTED,
  IMAGE_BUILD_COMPUTE_TYPE,
  MIGRATABLE_COMPUTE_TYPES,
  UNSUPPORTED_COMPUTE_TYPES,
  UNSUPPORTED_ENDPOINT_COMPUTE_TYPES,
  knownComputeTypes,
} from '../../src/catalog/compute-migration';

test('compute migration: clusters and instances are recreated; Kubernetes and attached VMs are not supported', () => {
  assert.deepEqual([...MIGRATABLE_COMPUTE_TYPES], ['AmlCompute', 'ComputeInstance']);
  assert.deepEqual([...UNSUPPORTED_COMPUTE_TYPES], ['Kubernetes', 'VirtualMachine', 'AKS']);
  assert.deepEqual([...UNSUPPORTED_ENDPOINT_COMPUTE_TYPES], ['Kubernetes']);
});

test('the cross-region limit and the image build compute concern compute clusters (AmlCompute)', () => {
  assert.equal(COMPUTE_CLUSTER_TYPE, 'AmlCompute');
  assert.equal(CROSS_REGION_CLUSTER_SUPPORTED, false);
  assert.equal(IMAGE_BUILD_COMPUTE_TYPE, 'AmlCompute');
  const known = knownComputeTypes();
  assert.equal(new Set(known).size, known.length, 'no type in two lists');
});
