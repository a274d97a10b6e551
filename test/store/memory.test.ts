import { suite } from 'uvu';
import { openDatabase } from '../../src/store/database.js';
import { storeConformance } from './conformance.js';

const test = suite('memory-level');
storeConformance({ test, factory: () => openDatabase({ inMemory: true }) });
test.run();
