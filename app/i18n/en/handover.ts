/** Host hand-over: where a LAN session continues when its host leaves (renderer/session/handover/). */
export const handoverEn = {
  'handover.movedToRelay': 'The host left. The session now continues on {{place}}.',
  'handover.movedToRelayNamed': 'The host ({{host}}) left. The session now continues on {{place}}.',
  'handover.movedHere': 'The host left. The session now continues on this computer; others will see your edits when you reconnect.',
  'handover.movedHereNamed': 'The host ({{host}}) left. The session now continues on this computer; others will see your edits when you reconnect.',
  'handover.movedDetails': 'Every edit in this window, including those the host never confirmed, was sent to {{relay}}.',
  'handover.hostBack': 'The host is back.',
  'handover.return': 'Return to the host',
  'handover.returned': 'Back with the host. Nothing was lost either way.',
  'handover.returnedDetails': 'The host and {{relay}} exchange what each lacks.',
  'handover.inviteContinuation': 'If you leave, guests continue on {{place}}: the links then carry your access token for that relay'
} as const
