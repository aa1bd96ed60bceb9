// Worker-thread entry point: plain JavaScript, so that it can register tsx before loading the
// TypeScript sources (each worker thread has its own module loader).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
