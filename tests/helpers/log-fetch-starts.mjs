// Preloaded into the CLI by a test (node --import): every fetch() the crawler makes is written to
// standard error as `fetch-start <ms> <url>`, the time taken when the crawler makes the call. A
// server's clock sees requests late when the machine is busy, so spacing is checked on this one.
const fetchOfNode = globalThis.fetch;
globalThis.fetch = (input, init) => {
  process.stderr.write(`fetch-start ${(performance.timeOrigin + performance.now()).toFixed(3)} ${String(input)}\n`);
  return fetchOfNode(input, init);
};
