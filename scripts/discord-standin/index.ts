export { startDiscordStandin, type DiscordStandin, type MessageInput } from './server.js';
export {
  FAKE_USER_NAMES,
  TEXT_CHANNEL_NAMES,
  type FakeUserName,
  type StandinOptions,
  type TextChannelName,
} from './fixtures.js';
export type { DispatchedInteraction, InteractionInput, OptionValue } from './interactions.js';
export { isEdit, type RecordedRequest, type RequestPredicate } from './recorder.js';
export type { RouteName } from './routes.js';
export type { GatewayFrame, SessionInfo } from './gateway.js';
export type { UploadedFile } from './messages.js';
