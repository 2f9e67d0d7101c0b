/**
 * The shared time-zone primitives this engine uses, imported in one place.
 * shared/ may be imported from domain code (DESIGN.md §3); the domain lint pattern
 * '../../*' (meant to stop imports of other modules) also matches '../../../../shared'.
 */
// eslint-disable-next-line no-restricted-imports -- shared/ is allowed; see above
export * from '../../../../shared/time/zone';
