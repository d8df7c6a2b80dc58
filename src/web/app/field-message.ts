// Turns the API's per-field messages ("is not right", "a password needs …") into the sentences an
// NHS.UK error message uses ("Current password is not right").
export function fieldMessage(label: string, message: string): string {
  if (/^(is|are|must|should|may|has|needs)\b/.test(message)) return `${label} ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}
