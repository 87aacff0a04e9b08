/** Cross-host identity, catalogue sections 5–7 (see crosshost.ts). */
import { CATALOGUE } from '../../src/engine';
import { crossHostSuite } from './crosshost';

crossHostSuite(CATALOGUE.filter((f) => f.section >= 5).map((f) => f.name));
