/** Every word the colour and alignment controls show or say, in one place for a later message catalogue. */
export const formattingStrings = {
  textColor: 'Text colour',
  highlight: 'Highlight',
  removeTextColor: 'Remove text colour',
  removeHighlight: 'Remove highlight',
  alignLeft: 'Align left (Shift+Ctrl/Cmd+L)',
  alignCenter: 'Centre (Shift+Ctrl/Cmd+E)',
  alignRight: 'Align right (Shift+Ctrl/Cmd+R)',
  justify: 'Justify (Shift+Ctrl/Cmd+J)'
} as const
