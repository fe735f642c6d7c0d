/** The connection to the relay, access refusals and the note about a LAN session's certificate. */
export const sessionEn = {
  'connection.retry': 'Retry now',
  'connection.connecting': 'Connecting…',
  'connection.connected': 'Connected',
  'connection.offlineWaiting': 'Offline — waiting for the network; edits are kept here',
  'connection.offlineRetrying': 'Offline — retrying in {{seconds}} s; edits are kept here',
  'connection.denied': 'Access denied',
  'connection.inSync': 'In sync with the relay.',
  'connection.opening': 'Opening a connection to the relay.',
  'connection.noNetwork': 'The browser reports no network.',
  'connection.closed': 'The connection closed (code {{code}}); next try at {{time}}.',
  'connection.needsLink': 'The relay needs a valid access link (code 4401). It said: {{reason}}',
  'connection.forbidden': 'The relay does not let you open this document (code 4403). It said: {{reason}}',
  'access.readOnlyUntilAdmitted': '{{why}} Until the relay lets you in, the document is read-only here: nothing written in this window could reach anyone.',
  'access.noToken': '“{{name}}” can only be opened with an access link, and the address you opened has none. Ask whoever shared the document for its link.',
  'access.damaged': 'The access link is damaged or incomplete (perhaps it was cut short when it was copied). Ask for the link again.',
  'access.expired': 'The access link expired on {{time}}. Ask whoever shared the document for a new one.',
  'access.notAccepted': 'The relay does not accept this access link: it was made for another relay, or the relay has been given a new secret since. Ask for a new link.',
  'access.prefixGrant': 'the documents starting with “{{prefix}}”',
  'access.documentGrant': '“{{name}}”',
  'access.otherDocument': 'This access link is for {{granted}}, not for “{{name}}”. Ask for a link to this document.',
  'access.refused': 'The relay does not let you open “{{name}}”: {{reason}}.',
  'access.certificateNote':
    'Your browser warned about this page because the computer hosting this session made its own certificate, as every Ensemble session on a local network does. It is the host\'s if its SHA-256 fingerprint is {{fingerprint}} (base64); ask the host if in doubt. The connection is encrypted either way.'
} as const
