export { evaluateDrift, type DriftContext } from './evaluate';
export * from './report';
