import { channelContract } from './contract';
import { metaHarness } from './provider-harnesses';

channelContract(metaHarness('messenger', '104857600000042',
  { blueprint: 'speedy-van', handle: '24681357902468135', bookingRequest: "Hi, I'd like to book a medium van with 1 crew for Saturday morning please" }));
