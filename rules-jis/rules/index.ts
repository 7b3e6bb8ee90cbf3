// Every Japanese check, one rule per file. The runner registers this list into axe.
import type { JisRule } from '../types.js';

export const jisRules: JisRule[] = [];
