// Loaded with `node --import` before the engine: removes V8's structured
// stack API, so that the engine takes the path it takes in Firefox and
// Safari (runtime/jsframes.ts: frames parsed from Error#stack strings).
delete Error.captureStackTrace;
