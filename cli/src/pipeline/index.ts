export {
  type AppKind,
  type AppOfKind,
  type AppSpec,
  CONTACTS_APP,
  createInProcessPipeline,
  DIALER_APP,
  type InProcessPipeline,
  type InProcessPipelineOptions,
  MESSAGING_APP,
  type OpenAppOptions,
  PHONE_APPS,
} from './inProcessPipeline';
