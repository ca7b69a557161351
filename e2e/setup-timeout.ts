// A guard against hangs, not a performance assert: a browser test on a busy 2-core CI machine is slow.
jest.setTimeout(30000);
