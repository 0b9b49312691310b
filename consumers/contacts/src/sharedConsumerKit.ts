/**
 * The shared consumer kit (merged view, sync engine). Reached by path only until `@gcds/shared`
 * re-exports `shared/src/mergedView` and `shared/src/consumerSync`; then this file imports from it.
 */
export * from '../../../shared/src/consumerSync';
export * from '../../../shared/src/mergedView';
