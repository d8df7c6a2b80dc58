// NHS.UK error message, shown above the field it belongs to.
export function ErrorMessage({ id, text, visuallyHiddenText = 'Error' }: { id?: string; text: string; visuallyHiddenText?: string }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">{visuallyHiddenText}: </span>{text}
    </span>
  );
}
