// Every platform file against its base, checked by the compiler and never run: a line fails to compile when the
// implementation lacks something its base declares or gives it a type the base's users cannot rely on. (Taro puts
// x.weapp.ts or x.h5.ts where the pages import x; only this file makes the two answer to x.ts.)
// test/ui/platform-modules.test.ts fails when a platform file under src/ has no line here. src/packages has no
// alias: its files are named by their path.

type Implements<Base, _Impl extends Base> = true

// one line per platform file
// prettier-ignore
export type PlatformModules = [
  Implements<typeof import('@components/PersonaChip'), typeof import('@components/PersonaChip/index.weapp')>,
  Implements<typeof import('@components/PersonaChip'), typeof import('@components/PersonaChip/index.h5')>,
  Implements<typeof import('@components/PhoneQuickFill'), typeof import('@components/PhoneQuickFill/index.weapp')>,
  Implements<typeof import('@components/PhoneQuickFill'), typeof import('@components/PhoneQuickFill/index.h5')>,
  Implements<typeof import('@components/ShareCard/live-card'), typeof import('@components/ShareCard/live-card.weapp')>,
  Implements<typeof import('@components/ShareCard/live-card'), typeof import('@components/ShareCard/live-card.h5')>,
  Implements<typeof import('@components/a11y'), typeof import('@components/a11y.weapp')>,
  Implements<typeof import('@components/a11y'), typeof import('@components/a11y.h5')>,
  Implements<typeof import('../../src/packages/ngo/call-editor/components/PlacePicker'), typeof import('../../src/packages/ngo/call-editor/components/PlacePicker.weapp')>,
  Implements<typeof import('../../src/packages/ngo/call-editor/components/PlacePicker'), typeof import('../../src/packages/ngo/call-editor/components/PlacePicker.h5')>,
  Implements<typeof import('../../src/packages/ngo/dashboard/InviteButton'), typeof import('../../src/packages/ngo/dashboard/InviteButton.weapp')>,
  Implements<typeof import('../../src/packages/ngo/dashboard/InviteButton'), typeof import('../../src/packages/ngo/dashboard/InviteButton.h5')>,
  Implements<typeof import('../../src/packages/ngo/directory/NgoMap'), typeof import('../../src/packages/ngo/directory/NgoMap.weapp')>,
  Implements<typeof import('../../src/packages/ngo/directory/NgoMap'), typeof import('../../src/packages/ngo/directory/NgoMap.h5')>,
  Implements<typeof import('../../src/packages/ngo/roster/open-export'), typeof import('../../src/packages/ngo/roster/open-export.weapp')>,
  Implements<typeof import('../../src/packages/ngo/roster/open-export'), typeof import('../../src/packages/ngo/roster/open-export.h5')>,
  Implements<typeof import('@services/attendance/attendance-scan'), typeof import('@services/attendance/attendance-scan.weapp')>,
  Implements<typeof import('@services/attendance/attendance-scan'), typeof import('@services/attendance/attendance-scan.h5')>,
  Implements<typeof import('@services/calls/calendar'), typeof import('@services/calls/calendar.weapp')>,
  Implements<typeof import('@services/calls/calendar'), typeof import('@services/calls/calendar.h5')>,
  Implements<typeof import('@services/calls/first-page'), typeof import('@services/calls/first-page.weapp')>,
  Implements<typeof import('@services/calls/first-page'), typeof import('@services/calls/first-page.h5')>,
  Implements<typeof import('@services/calls/public-call'), typeof import('@services/calls/public-call.weapp')>,
  Implements<typeof import('@services/calls/public-call'), typeof import('@services/calls/public-call.h5')>,
  Implements<typeof import('@services/page/top-page-shown'), typeof import('@services/page/top-page-shown.weapp')>,
  Implements<typeof import('@services/page/top-page-shown'), typeof import('@services/page/top-page-shown.h5')>,
  Implements<typeof import('@services/certificates/certificate-image'), typeof import('@services/certificates/certificate-image.weapp')>,
  Implements<typeof import('@services/certificates/certificate-image'), typeof import('@services/certificates/certificate-image.h5')>,
  Implements<typeof import('@services/certificates/certificate-scan'), typeof import('@services/certificates/certificate-scan.weapp')>,
  Implements<typeof import('@services/certificates/certificate-scan'), typeof import('@services/certificates/certificate-scan.h5')>,
  Implements<typeof import('@services/cloud/session'), typeof import('@services/cloud/session.weapp')>,
  Implements<typeof import('@services/cloud/session'), typeof import('@services/cloud/session.h5')>,
  Implements<typeof import('@services/cloud/transport'), typeof import('@services/cloud/transport.weapp')>,
  Implements<typeof import('@services/cloud/transport'), typeof import('@services/cloud/transport.h5')>,
  Implements<typeof import('@services/cloud/upload'), typeof import('@services/cloud/upload.weapp')>,
  Implements<typeof import('@services/cloud/upload'), typeof import('@services/cloud/upload.h5')>,
  Implements<typeof import('@services/messages/subscribe'), typeof import('@services/messages/subscribe.weapp')>,
  Implements<typeof import('@services/messages/subscribe'), typeof import('@services/messages/subscribe.h5')>,
  Implements<typeof import('@services/page/leave-guard'), typeof import('@services/page/leave-guard.weapp')>,
  Implements<typeof import('@services/page/leave-guard'), typeof import('@services/page/leave-guard.h5')>,
  Implements<typeof import('@services/page/navigation-title'), typeof import('@services/page/navigation-title.weapp')>,
  Implements<typeof import('@services/page/navigation-title'), typeof import('@services/page/navigation-title.h5')>,
  Implements<typeof import('@services/sharing/poster'), typeof import('@services/sharing/poster.weapp')>,
  Implements<typeof import('@services/sharing/poster'), typeof import('@services/sharing/poster.h5')>,
]
