// Loaded in place of `electron` under Vitest: any import of it from code under test is a bug.
throw new Error('electron must not be imported from code that runs under Vitest');
