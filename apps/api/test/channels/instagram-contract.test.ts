import { channelContract } from './contract';
import { metaHarness } from './provider-harnesses';

// BarberPro answers Instagram DMs in es-AR; the offered times come back as quick replies.
channelContract(metaHarness('instagram', '17841400000000042',
  { blueprint: 'barberpro-palermo', handle: '6543210987654321', bookingRequest: 'Hola, quiero un corte el viernes a la tarde' }));
