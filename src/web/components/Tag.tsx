// NHS.UK tag: a short status label; its text always carries the meaning, the colour only repeats it.
export type TagColour = 'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ text, colour }: { text: string; colour?: TagColour }) {
  return <strong className={`nhsuk-tag${colour ? ` nhsuk-tag--${colour}` : ''}`}>{text}</strong>;
}
