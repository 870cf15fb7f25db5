/** imageBuildCompute names a compute cluster; "" resets it. Facts: "Other prerequisites and limits". */
import { COMPUTE_NAME_PATTERN } from '../../catalog/compute-migration';
import type { Check } from './check';

export const checkImageBuildCompute: Check = (view, sink) => {
  const name = view.imageBuildCompute;
  if (name === undefined || name === '') return;
  if (!COMPUTE_NAME_PATTERN.test(name)) {
    sink.error(['image_build_compute'], 'image-build-compute-name',
      `"${name}" is not a compute cluster name (2-24 letters, digits or "-", starting with a letter); use "" to reset`);
  }
};
