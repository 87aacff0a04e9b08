/** Cross-host identity, catalogue sections 5 on (5–7, 9 and 10; see crosshost.ts). */
import { CATALOGUE } from '../../src/engine';
import { crossHostSuite } from './crosshost';

crossHostSuite(CATALOGUE.filter((f) => f.section >= 5).map((f) => f.name));
