/** Hands the {@link OfficeGateway} down the component tree without threading it through props. */
import { createContext, useContext } from 'react';
import { createStandaloneGateway, type OfficeGateway } from './officeGateway';

export const GatewayContext = createContext<OfficeGateway>(createStandaloneGateway());

export function useGateway(): OfficeGateway {
  return useContext(GatewayContext);
}
