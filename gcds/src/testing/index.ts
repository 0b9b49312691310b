// Test support (`@gcds/gcds/testing`): imported by tests of every package, never by the product.
export { contact, storeProvider } from '@gcds/shared/testing';
export { type Pipeline, startPipeline } from './pipelineHarness';
