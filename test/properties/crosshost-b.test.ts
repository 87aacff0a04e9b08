/**
 * Cross-host identity, catalogue sections 5 to 10 (5–7, 9 and 10; see crosshost.ts). Section 11's
 * CYBER.SIMULATE is checked across hosts by test/simulate-hosts.test.ts: each of its calls is a
 * whole simulation, too slow for thousands of random calls, and its 14-row spill needs the room
 * this suite's layout does not leave.
 */
import { CATALOGUE } from '../../src/engine';
import { crossHostSuite } from './crosshost';

crossHostSuite(CATALOGUE.filter((f) => f.section >= 5 && f.section <= 10).map((f) => f.name));
