/** What the platform bridges say when a link, a profile or a relay address cannot be used. */
export const platformEn = {
  'platform.inviteCannotOpen': 'The invite link cannot open a document: {{problem}}.',
  'platform.windowCannotOpen': 'This window cannot open a document: {{problem}}.',
  'platform.hostNotVerified': "This session's host could not be verified, so the document was not opened: {{problem}}",
  'platform.badUserParameter': 'The user= parameter cannot be used: {{problem}}.',
  'platform.profileNotSaved': 'The profile cannot be saved: {{problem}}.',
  'platform.linkCannotOpen': 'This link cannot open a document: {{problem}}.',
  'platform.httpsToWs':
    "this page came over https, so the browser will not let it reach {{relay}}, which is not encrypted; open {{page}}/ instead, or use the relay's wss:// address",
  'platform.nothingAnswered': 'nothing answered at {{relay}} ({{reason}}); check the address and that the host is on this network',
  'platform.notARelay': '{{relay}} answered, but not as an Ensemble relay (HTTP {{status}} from /healthz)'
} as const
