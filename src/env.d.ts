/** True only in the e2e test build (dist-test/): enables the popup's `?tab=` seam. */
declare const __TEST_SEAMS__: boolean;
