// NHS.UK skip link: moves focus to the main content (what the package's JavaScript does).
export interface SkipLinkProps {
  href?: string;
  text?: string;
}

export function SkipLink({ href = '#maincontent', text = 'Skip to main content' }: SkipLinkProps) {
  return (
    <a className="nhsuk-skip-link" href={href} onClick={(e) => {
      const target = document.getElementById(href.slice(1));
      if (!target) return;
      e.preventDefault();
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    }}>
      {text}
    </a>
  );
}
