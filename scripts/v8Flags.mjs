/**
 * V8 flags for the processes that ingest (Electron main, the CLI, the benchmarks). Ingestion allocates
 * fast and briefly (archive chunks, API pages, rows), and V8 then grows its young generation to the
 * maximum: about 100 MB more RSS for no speed. With 2 MB semi-spaces the pipeline benchmark's process
 * stays near 220 MB instead of 310–340 MB, as fast as before. The flag only works at process start.
 * package.json's `cli` script passes the same flag.
 */
export const V8_FLAGS = ['--max-semi-space-size=2'];
